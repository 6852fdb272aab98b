/**
 * The documents the cadastramentos of seed 003 share (documentos/catalogo/cadastros.ts):
 * the notice of exigências of any of them, and the mantenedora's edital.
 */
import { editalDaCoogie } from './documentos-fontes';
import { registrarMontador } from './documentos-rito';

registrarMontador('notificacao-exigencias-cadastro', async (_p, pedido, fontes) => {
  const f = await fontes();
  const c = pedido.contexto as { objeto: string; codigoPrazo: string; exigencias: { natureza?: string; descricao: string; motivacao: string; baseLegal: string }[] };
  return {
    unidade: f.siglas.cooie,
    dados: {
      ...f.cooie,
      ...f.comunicacao,
      processoSei: f.processoSei,
      signatario: f.assina,
      instituicao: f.instituicao,
      objeto: c.objeto,
      codigoPrazo: c.codigoPrazo,
      exigencias: c.exigencias.map((e) => ({ natureza: e.natureza === 'fisica' ? 'fisica' : 'documental', descricao: e.descricao, motivacao: e.motivacao, baseLegal: e.baseLegal })),
      prazo: {},
    },
  };
});

registrarMontador('edital-alteracao-mantenedora', async (p, pedido, fontes) => {
  const c = pedido.contexto as { alteracoes: { tipo: string; descricao: string }[] };
  return editalDaCoogie(await fontes(), { mantenedora: { nome: p.mantenedora_nome ?? p.instituicao_nome, cnpj: p.instituicao_cnpj }, alteracoes: c.alteracoes });
});

registrarMontador('edital-transferencia-mantenca', async (p, pedido, fontes) => {
  const c = pedido.contexto as { autorizacao: { ato: string; data: string }; novaMantenedora: { cnpj: string; nome: string } };
  return editalDaCoogie(await fontes(), {
    mantenedoraAnterior: { nome: p.mantenedora_nome ?? p.instituicao_nome, cnpj: p.instituicao_cnpj },
    novaMantenedora: c.novaMantenedora,
    autorizacao: c.autorizacao,
  });
});
