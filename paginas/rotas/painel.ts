/**
 * The supervisors' deadline dashboard (/painel): the open prazos due within N
 * business days and those already past (GET /v1/prazos/vencendo's
 * prazosVencendo), the decisions units owe that are overdue (GET /v1/tarefas's
 * tarefasDevidas), and the notices still awaiting the party's ciência with the
 * date it becomes tácita (rules/prazos cienciaTacita, on the unit's calendar),
 * and the periodic obligations overdue this year and the last (the RGA of the
 * EAD schools and the Relatório Anual: listarRga and listarRelatorioAnual, as
 * GET /v1/obrigacoes/rga and /relatorio-anual read them).
 * Each table also as CSV (/painel/{tabela}.csv). Same scope as the API: an
 * inspetor sees his unit; supervisors and the COOGIE, everything.
 *
 * /painel/tempos: the time spent per phase, per unit and per inspetor
 * (paginas/tempos.ts, from the read model's timeline), each as a bar chart
 * drawn on the server (paginas/grafico.ts) with its table, and each table as CSV.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ator } from '../../api/auth/ator';
import { noEscopo } from '../../api/auth/escopo';
import { HttpError } from '../../api/errors';
import { listarRga } from '../../api/obrigacoes/rga';
import { listarRelatorioAnual } from '../../api/obrigacoes/routes';
import { DIAS_VENCENDO_MAXIMO, prazosVencendo } from '../../api/prazos/vencendo';
import { tarefasDevidas } from '../../api/tarefas/routes';
import { lerDiasDecretados } from '../../db/dias-decretados';
import { localDaUnidade } from '../../db/unidades';
import { ANO_MINIMO, diaCivilBrasilia, formatarData } from '../../rules/calendario';
import { cienciaTacita } from '../../rules/prazos';
import { rotuloTipoProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { estadoDoRito } from '../../api/ritos/estado';
import { passagensDeFase } from '../../db/passagens-de-fase';
import { TIPOS_PROCESSO } from '../../rules/processos/tipos';
import { paraCsv } from '../csv';
import { graficoDeBarras } from '../grafico';
import { dias as diasBR, type LinhaTempo, temposPorFase, temposPorInspetor, temposPorUnidade } from '../tempos';
import type { PaginasDeps } from '../plugin';
import { exigirAtor } from '../sessao';
import { instanteBR, renderizar } from '../visao';

const PAPEIS = ['supervisor', 'coogie', 'inspetor'] as const;
const DIAS_PADRAO = 5;

export default async function painelPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const agora = async () => Number(await (deps.relogio ?? Date.now)());

  /** Notices sent and not yet known: the phase waits on a prazo that has not started (it starts at the ciência). */
  async function aguardandoCiencia(ator: Ator, agoraMs: number) {
    const abertos = await deps.db
      .selectFrom('processo')
      .selectAll()
      .where('encerrado', '=', false)
      .where(noEscopo(ator))
      .where('id', 'not in', deps.db.selectFrom('prazo_processo').select('processo_id').where('situacao', '=', 'aberto'))
      .orderBy('atualizado_em')
      .limit(500)
      .execute();
    const candidatos = abertos.filter((p) => {
      const fase = ritoDoTipo(p.tipo)?.fases[p.fase];
      return fase?.aguardaPrazo && fase.responsavel;
    });
    const itens = await Promise.all(
      candidatos.map(async (p) => {
        const def = ritoDoTipo(p.tipo)!;
        const estado = await estadoDoRito(deps.temporal, p, def);
        const n = estado?.notificacao;
        if (!n || n.ciencia) return null;
        const local = await localDaUnidade(deps.db, p.unidade);
        const decretados = await lerDiasDecretados(deps.db, local, n.enviadaEm.slice(0, 10));
        const tacita = cienciaTacita({ envio: n.enviadaEm, local, diasDecretados: decretados });
        return {
          id: p.id,
          numeroSei: p.numero_sei,
          instituicao: p.instituicao_nome,
          unidade: p.unidade,
          tipo: rotuloTipoProcesso(p.tipo),
          fase: def.fases[p.fase]!.rotulo,
          enviadaEm: n.enviadaEm,
          dataTacita: tacita.dataTacita,
          tacitaJaOcorreu: tacita.dataTacita < formatarData(diaCivilBrasilia(agoraMs)),
        };
      }),
    );
    return itens.filter((i): i is NonNullable<typeof i> => i !== null).sort((a, b) => a.dataTacita.localeCompare(b.dataTacita));
  }

  /** The RGA and Relatório Anual not delivered by their due date, this year and the last, the oldest first. */
  async function obrigacoesEmAtraso(ator: Ator, agoraMs: number) {
    const ano = Number(formatarData(diaCivilBrasilia(agoraMs)).slice(0, 4));
    const anos = [ano - 1, ano].filter((a) => a >= ANO_MINIMO);
    const linhas = [];
    for (const a of anos) {
      for (const r of await listarRelatorioAnual(deps.db, ator, { ano: a, situacao: 'em-atraso' }, agoraMs)) {
        linhas.push({ instituicao: r.instituicao.nome, codigoInep: r.instituicao.codigoInep, unidade: r.unidade, obrigacao: `Relatório Anual do ano letivo de ${r.anoLetivo}`, vencimento: r.vencimento });
      }
      for (const r of await listarRga(deps.db, ator, { ano: a, situacao: 'em-atraso' }, agoraMs)) {
        linhas.push({ instituicao: r.instituicao.nome, codigoInep: r.instituicao.codigoInep, unidade: r.unidade, obrigacao: r.titulo, vencimento: r.vencimento });
      }
    }
    return linhas.sort((x, y) => x.vencimento.localeCompare(y.vencimento) || x.codigoInep.localeCompare(y.codigoInep));
  }

  async function dados(request: FastifyRequest) {
    const ator = exigirAtor(request, PAPEIS);
    const q = request.query as { dias?: string; unidade?: string };
    const dias = q.dias === undefined || q.dias === '' ? DIAS_PADRAO : Number(q.dias);
    if (!Number.isInteger(dias) || dias < 1 || dias > DIAS_VENCENDO_MAXIMO) {
      throw new HttpError(400, 'validacao', `“Vencendo em” deve ser um número inteiro de dias úteis entre 1 e ${DIAS_VENCENDO_MAXIMO}.`);
    }
    const agoraMs = await agora();
    const [prazos, tarefas, ciencia, obrigacoes] = await Promise.all([
      prazosVencendo(deps.db, ator, { dias, limite: 500 }, agoraMs),
      // Only units that own tasks here: a supervisor, the COOGIE and the inspetores (GET /v1/tarefas's roles).
      tarefasDevidas(deps.db, ator, { atrasadas: true, limite: 500 }, agoraMs),
      aguardandoCiencia(ator, agoraMs),
      obrigacoesEmAtraso(ator, agoraMs),
    ]);
    return { dias, prazos, tarefas, ciencia, obrigacoes };
  }

  /** The time spent per phase, unit and inspetor, in the caller's scope, with the page's filters (kind, unit, since a day). */
  async function tempos(request: FastifyRequest) {
    const ator = exigirAtor(request, PAPEIS);
    const q = request.query as { tipo?: string; unidade?: string; desde?: string };
    const tipo = q.tipo?.trim() || undefined;
    if (tipo && !(tipo in TIPOS_PROCESSO)) throw new HttpError(400, 'validacao', 'Tipo de processo desconhecido.');
    const desde = q.desde?.trim() || undefined;
    if (desde && !/^\d{4}-\d{2}-\d{2}$/.test(desde)) throw new HttpError(400, 'validacao', '“Desde” deve ser uma data (AAAA-MM-DD).');
    const unidade = q.unidade?.trim().slice(0, 120) || undefined;
    const agoraMs = await agora();
    const lidas = await passagensDeFase(deps.db, { escopo: noEscopo(ator), tipo, unidade, desde: desde ? new Date(`${desde}T00:00:00-03:00`) : undefined });
    const ids = [...new Set(lidas.passagens.map((p) => p.concluidaPor).filter((x): x is string => !!x))];
    const nomes = new Map((ids.length ? await deps.db.selectFrom('usuario').select(['id', 'nome']).where('id', 'in', ids).execute() : []).map((u) => [u.id, u.nome]));
    return {
      filtro: { tipo, unidade, desde },
      processos: lidas.processos,
      limitado: lidas.limitado,
      porFase: temposPorFase(lidas.passagens, agoraMs),
      porUnidade: temposPorUnidade(lidas.passagens, agoraMs),
      porInspetor: temposPorInspetor(lidas.passagens, nomes, agoraMs),
    };
  }

  const COLUNAS_TEMPO = ['Passagens', 'Em curso', 'Média (dias)', 'Mediana (dias)', 'Máxima (dias)'];
  const celulasTempo = (l: LinhaTempo) => [l.passagens, l.emCurso, diasBR(l.media), diasBR(l.mediana), diasBR(l.maxima)];
  const tabelaTempo = (id: string, titulo: string, descricao: string, linhas: LinhaTempo[]) => ({
    id,
    linhas: linhas.map((l) => ({ ...l, mediaTexto: diasBR(l.media), medianaTexto: diasBR(l.mediana), maximaTexto: diasBR(l.maxima) })),
    grafico: linhas.length ? graficoDeBarras({ id: `grafico-${id}`, titulo, descricao, barras: linhas.map((l) => ({ rotulo: l.rotulo, valor: l.media, texto: `${diasBR(l.media)} dias` })) }) : null,
  });

  app.get('/painel/tempos', { schema: { hide: true } }, async (request, reply) => {
    const t = await tempos(request);
    const consulta = new URLSearchParams(Object.entries(t.filtro).filter(([, v]) => v) as [string, string][]).toString();
    const unidades = await deps.db.selectFrom('unidade').select('chave').orderBy('chave').execute();
    return renderizar(request, reply, 'painel-tempos', {
      titulo: 'Tempo nas fases',
      migalhas: [{ rotulo: 'Painel de prazos', href: '/painel' }, { rotulo: 'Tempo nas fases' }],
      busca: true,
      ...t,
      consulta: consulta ? `?${consulta}` : '',
      tipos: Object.keys(TIPOS_PROCESSO).filter((k) => ritoDoTipo(k)).map((k) => ({ codigo: k, rotulo: rotuloTipoProcesso(k), selecionado: t.filtro.tipo === k })),
      unidades: unidades.map((u) => ({ chave: u.chave, selecionada: t.filtro.unidade === u.chave })),
      fase: tabelaTempo('fase', 'Tempo médio em cada fase (dias corridos)', 'Barras horizontais: uma por fase, do rito e na ordem das fases; o comprimento é a média de dias que os processos passaram (ou estão passando) na fase. Os números estão na tabela a seguir.', t.porFase),
      unidade: tabelaTempo('unidade', 'Tempo médio das decisões de cada unidade (dias corridos)', 'Barras horizontais: uma por unidade; o comprimento é a média de dias das fases em que a unidade devia decidir. Os números estão na tabela a seguir.', t.porUnidade),
      inspetor: tabelaTempo('inspetor', 'Tempo médio das decisões por inspetor(a) (dias corridos)', 'Barras horizontais: uma por servidor(a) que concluiu fases de decisão da unidade; o comprimento é a média de dias dessas fases. Os números estão na tabela a seguir.', t.porInspetor),
    });
  });

  for (const [tabela, titulo, chave] of [
    ['fase', 'Fase', 'porFase'],
    ['unidade', 'Unidade', 'porUnidade'],
    ['inspetor', 'Inspetor(a)', 'porInspetor'],
  ] as const) {
    app.get(`/painel/tempos-${tabela}.csv`, { schema: { hide: true } }, async (request, reply) => {
      const t = await tempos(request);
      return csv(reply, `tempo-por-${tabela}`, paraCsv([titulo, ...COLUNAS_TEMPO], t[chave].map((l) => [l.rotulo, ...celulasTempo(l)])));
    });
  }

  app.get('/painel', { schema: { hide: true } }, async (request, reply) => {
    const d = await dados(request);
    return renderizar(request, reply, 'painel', {
      titulo: 'Painel de prazos',
      migalhas: [{ rotulo: 'Painel de prazos' }],
      busca: true,
      ...d,
      vencidos: d.prazos.itens.filter((i) => i.vencido),
      aVencer: d.prazos.itens.filter((i) => !i.vencido),
    });
  });

  const csv = (reply: FastifyReply, nome: string, conteudo: string) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${nome}.csv"`)
      .header('cache-control', 'no-store')
      .send(conteudo);

  app.get('/painel/prazos.csv', { schema: { hide: true } }, async (request, reply) => {
    const d = await dados(request);
    return csv(
      reply,
      `prazos-vencendo-${d.dias}-dias-uteis`,
      paraCsv(
        ['Processo', 'Número SEI', 'Instituição', 'CNPJ', 'Unidade', 'Tipo', 'Prazo', 'Último dia', 'Limite', 'Vencido'],
        d.prazos.itens.map((i) => [i.processo.id, i.processo.numeroSei, i.processo.instituicao.nome, i.processo.instituicao.cnpj, i.processo.unidade, i.processo.tipoRotulo, i.prazo.rotulo, i.prazo.vencimento, instanteBR(i.prazo.limite), i.vencido ? 'sim' : 'não']),
      ),
    );
  });

  app.get('/painel/tarefas.csv', { schema: { hide: true } }, async (request, reply) => {
    const d = await dados(request);
    return csv(
      reply,
      'tarefas-atrasadas',
      paraCsv(
        ['Processo', 'Número SEI', 'Instituição', 'Unidade', 'Fase', 'Quem deve decidir', 'Decisão', 'Limite'],
        d.tarefas.itens.map((t) => [t.processo.id, t.processo.numeroSei, t.processo.instituicao.nome, t.processo.unidade, t.processo.faseRotulo, t.responsavelRotulo, t.descricao, instanteBR(t.limite)]),
      ),
    );
  });

  app.get('/painel/ciencia.csv', { schema: { hide: true } }, async (request, reply) => {
    const d = await dados(request);
    return csv(
      reply,
      'notificacoes-aguardando-ciencia',
      paraCsv(
        ['Processo', 'Número SEI', 'Instituição', 'Unidade', 'Fase', 'Enviada em', 'Ciência tácita em'],
        d.ciencia.map((c) => [c.id, c.numeroSei, c.instituicao, c.unidade, c.fase, instanteBR(c.enviadaEm), c.dataTacita]),
      ),
    );
  });

  app.get('/painel/obrigacoes.csv', { schema: { hide: true } }, async (request, reply) => {
    const d = await dados(request);
    return csv(
      reply,
      'obrigacoes-em-atraso',
      paraCsv(
        ['Instituição', 'Código INEP', 'Unidade', 'Obrigação', 'Vencimento'],
        d.obrigacoes.map((o) => [o.instituicao, o.codigoInep, o.unidade, o.obrigacao, o.vencimento]),
      ),
    );
  });
}
