/**
 * The RGA of the EAD schools as a page (/obrigacoes): each school's RGA of each
 * month of a year, in the caller's scope, with its due date (10th business day
 * of the month on the unit's calendar), the name the file must have and its
 * situação — read through listarRga, as GET /v1/obrigacoes/rga. The
 * representante delivers a month's PDF from the row (a file field per month
 * begun and not yet delivered), sent through entregarRga, the code of POST
 * /v1/obrigacoes/rga/{codigoInep}: the same refusals (each fault of the file
 * name, in pt-BR), the same record (instant, SHA-256) and audit entry.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ator } from '../../api/auth/ator';
import { HttpError } from '../../api/errors';
import { entregarRga, listarRga } from '../../api/obrigacoes/rga';
import { ANO_MAXIMO, ANO_MINIMO, diaCivilBrasilia, diaDoCivil, formatarData } from '../../rules/calendario';
import { lerFormulario } from '../formulario-http';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor } from '../sessao';
import { instanteBR, type Mensagem, renderizar } from '../visao';

const PAPEIS = ['representante', 'inspetor', 'supervisor', 'coogie'] as const;
const SITUACOES: Record<string, string> = { entregue: 'Entregue', 'entregue-com-atraso': 'Entregue com atraso', 'a-vencer': 'A vencer', 'em-atraso': 'Em atraso' };

export default async function obrigacoesPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const agora = async () => Number(await (deps.relogio ?? Date.now)());

  async function pagina(request: FastifyRequest, reply: FastifyReply, ator: Ator, ano: number, status = 200, mensagens: Mensagem[] = []) {
    const agoraMs = await agora();
    const hoje = diaCivilBrasilia(agoraMs);
    const podeEntregar = ator.papeis.includes('representante');
    const itens = (await listarRga(deps.db, ator, { ano }, agoraMs)).map((i) => ({
      ...i,
      situacaoRotulo: SITUACOES[i.situacao] ?? i.situacao,
      atrasado: i.situacao === 'em-atraso',
      entregueEmBR: i.entregueEm ? instanteBR(i.entregueEm) : null,
      // Delivered from the month's first day on; not again once delivered (a correction goes through the COOIE).
      entregar: podeEntregar && !i.arquivo && hoje >= diaDoCivil(i.ano, i.mes, 1),
    }));
    return renderizar(
      request,
      reply,
      'obrigacoes',
      {
        titulo: `RGA — Registro Geral de Alunos (${ano})`,
        enderecoDaPagina: `/obrigacoes?ano=${ano}`,
        migalhas: [{ rotulo: 'RGA' }],
        mensagens,
        ano,
        anoAnterior: ano > ANO_MINIMO ? ano - 1 : null,
        anoSeguinte: ano < ANO_MAXIMO ? ano + 1 : null,
        itens,
        emAtraso: itens.filter((i) => i.atrasado).length,
      },
      status,
    );
  }

  const anoDe = async (valor: string | undefined) => {
    if (valor === undefined || valor === '') return Number(formatarData(diaCivilBrasilia(await agora())).slice(0, 4));
    const ano = Number(valor);
    if (!Number.isInteger(ano) || ano < ANO_MINIMO || ano > ANO_MAXIMO) throw new HttpError(400, 'validacao', `Ano inválido: use de ${ANO_MINIMO} a ${ANO_MAXIMO}.`);
    return ano;
  };

  app.get('/obrigacoes', { schema: { hide: true } }, async (request, reply) => {
    const ator = exigirAtor(request, PAPEIS);
    return pagina(request, reply, ator, await anoDe((request.query as { ano?: string }).ano));
  });

  app.post('/obrigacoes/rga', { schema: { hide: true } }, async (request, reply) => {
    const { valores, arquivos } = await lerFormulario(request);
    const ator = await atorDoFormulario(request, deps.autenticador, valores._csrf, ['representante']);
    const ano = await anoDe(valores.ano);
    const mes = Number(valores.mes);
    if (!Number.isInteger(mes) || mes < 1 || mes > 12) throw new HttpError(400, 'validacao', 'Mês inválido: use de 1 a 12.');
    const arquivo = arquivos.find((a) => a.campo === 'arquivo');
    if (!arquivo) return pagina(request, reply, ator, ano, 400, [{ tipo: 'danger', texto: 'Escolha o arquivo PDF do RGA antes de enviar.' }]);
    try {
      const { entrega } = await entregarRga(
        { db: deps.db, arquivos: deps.arquivos! },
        request,
        { codigoInep: String(valores.codigoInep ?? ''), ano, mes, arquivo: { filename: arquivo.filename, mimetype: arquivo.mimetype, file: arquivo.conteudo } },
        await agora(),
      );
      return pagina(request, reply, ator, ano, 200, [
        {
          tipo: 'success',
          // The file's SHA-256 is in its row, where it can wrap.
          texto: `${entrega.titulo} recebido em ${instanteBR(entrega.entregueEm)}${entrega.noPrazo ? '' : ', depois do vencimento'}: “${entrega.arquivo.nome}”.`,
        },
      ]);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode < 500) {
        const motivos = (err.campos ?? []).map((c) => c.mensagem);
        return pagina(request, reply, ator, ano, err.statusCode, [{ tipo: 'danger', texto: motivos.length ? `O RGA não foi recebido. ${motivos.join(' ')}` : `O RGA não foi recebido: ${err.message}` }]);
      }
      throw err;
    }
  });
}
