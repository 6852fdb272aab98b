/**
 * The RGA (Registro Geral de Alunos) of the institutions that offer EAD
 * (Deliberação CEE nº 345/2014, alterada pela Deliberação CEE nº 368/2018,
 * art. 66), under /v1/obrigacoes:
 *
 *   GET  /rga?ano=&mes=            each EAD institution's RGA of each month, due by the
 *                                  10th business day of the month on its unit's calendar
 *                                  (rules/obrigacoes vencimentoRga), delivered or not,
 *                                  on time or late; overdue ones for the COOIE (its unit)
 *                                  and the supervisor (all) to see. Within the caller's scope.
 *   POST /rga/{codigoInep}?ano=&mes=  the representante delivers the month's RGA: one PDF
 *                                  (alínea d) whose name follows the seed's convention
 *                                  (alínea e; conferirNomeRga says exactly what is wrong,
 *                                  against what rito knows of the school), recorded with
 *                                  its instant of receipt and its SHA-256, audited.
 *
 * Which institutions offer EAD: PUT /v1/instituicoes/{codigoInep}/ead (db/rga.ts).
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarioDaUnidade, type CalendarioDaUnidade } from '../../db/calendario-da-unidade';
import type { Db } from '../../db/connect';
import { entregasRga, ofertasEad, registrarEntregaRga, type EntregaRga } from '../../db/rga';
import type { EnderecoInstituicao } from '../../db/schema';
import { ArquivoRecusado, criarArmazenamentoArquivos, type ArmazenamentoArquivos } from '../../documentos/arquivos';
import { ANO_MAXIMO, ANO_MINIMO, diaCivilBrasilia, diaDoCivil, formatarDataBR } from '../../rules/calendario';
import { codigoInepSchema } from '../../rules/identificadores';
import { conferirNomeRga, deveRgaNoMes, entregueNoPrazo, NOMES_MESES, nomeArquivoRga, vencimentoRga, FONTE_NOME_RGA } from '../../rules/obrigacoes';
import { defeitoDoTexto } from '../../rules/texto';
import { type Ator, PAPEIS_DE_PESSOA } from '../auth/ator';
import { noEscopo } from '../auth/escopo';
import { erroSchema, HttpError, invalido, naoEncontrado } from '../errors';
import { instante } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';

/** The audit trail's name for a delivery, by the API and by the pages alike. */
const ACAO_ENTREGAR = 'obrigacao.rga.entregar';

const situacoes = ['entregue', 'entregue-com-atraso', 'a-vencer', 'em-atraso'] as const;

const anoSchema = z.coerce
  .number({ error: 'informe o ano' })
  .int(`ano inválido: use de ${ANO_MINIMO} a ${ANO_MAXIMO}`)
  .min(ANO_MINIMO, `ano inválido: use de ${ANO_MINIMO} a ${ANO_MAXIMO}`)
  .max(ANO_MAXIMO, `ano inválido: use de ${ANO_MINIMO} a ${ANO_MAXIMO}`);
const mesSchema = z.coerce.number({ error: 'informe o mês (1 a 12)' }).int('mês inválido: use de 1 a 12').min(1, 'mês inválido: use de 1 a 12').max(12, 'mês inválido: use de 1 a 12');

const arquivoEntregue = z.object({ id: z.string(), nome: z.string(), sha256: z.string() });

const itemSchema = z.object({
  instituicao: z.object({ cnpj: z.string(), codigoInep: z.string(), nome: z.string() }),
  unidade: z.string(),
  ano: z.number(),
  mes: z.number(),
  titulo: z.string().describe('RGA de março/2027'),
  vencimento: z.string().describe('último dia (AAAA-MM-DD): o 10º dia útil do mês; o prazo termina às 23:59:59 de Brasília'),
  explicacao: z.string().describe('como o vencimento foi contado, com a norma'),
  situacao: z.enum(situacoes),
  nomeEsperado: z.string().describe('o nome que o arquivo deve ter (sem a extensão .pdf)'),
  entregueEm: z.string().nullable(),
  arquivo: arquivoEntregue.nullable(),
});

const entregaSchema = z.object({
  id: z.string(),
  codigoInep: z.string(),
  ano: z.number(),
  mes: z.number(),
  titulo: z.string(),
  arquivo: arquivoEntregue,
  entregueEm: z.string(),
  vencimento: z.string(),
  noPrazo: z.boolean(),
});

/** What rito knows of an institution (its latest process): the parts of the RGA's name. */
interface Instituicao {
  instituicao_cnpj: string;
  instituicao_codigo_inep: string;
  instituicao_nome: string;
  unidade: string;
  instituicao_endereco: EnderecoInstituicao | null;
}

/** The name's parts rito knows: nome fantasia (the school's name), regional (its COOIE, as the seed's example writes it: METROPOLITANA I), município. */
const dadosDoNome = (i: Instituicao, ano: number, mes: number) => ({
  ano,
  mes,
  nomeFantasia: i.instituicao_nome,
  regional: i.unidade,
  ...(i.instituicao_endereco?.municipio ? { municipio: i.instituicao_endereco.municipio } : {}),
});

/** Rolls the upload's transaction back: the RGA is refused, or it was delivered already. */
class SemGravar extends Error {
  constructor(readonly motivo: 'nao-pdf' | 'repetida') {
    super(motivo);
  }
}

export type SituacaoObrigacao = (typeof situacoes)[number];
export type ItemRga = z.output<typeof itemSchema>;

/**
 * Each EAD institution's RGA per month of `ano` (or of `mes`), within the
 * caller's scope, with its due date on the unit's calendar and its situação
 * at `agoraMs`: the one reading of GET /v1/obrigacoes/rga and of the pages.
 */
export async function listarRga(
  db: Db,
  ator: Ator,
  filtros: { ano: number; mes?: number; unidade?: string; codigoInep?: string; situacao?: SituacaoObrigacao },
  agoraMs: number,
): Promise<ItemRga[]> {
  const { ano, mes, unidade, codigoInep, situacao } = filtros;
  let q = db
    .selectFrom('processo')
    .select(['instituicao_cnpj', 'instituicao_codigo_inep', 'instituicao_nome', 'unidade', 'instituicao_endereco'])
    .distinctOn('instituicao_codigo_inep')
    .where(noEscopo(ator))
    .orderBy('instituicao_codigo_inep')
    .orderBy('criado_em', 'desc');
  if (unidade) q = q.where('unidade', '=', unidade);
  if (codigoInep) q = q.where('instituicao_codigo_inep', '=', codigoInep);
  const instituicoes = (await q.execute()) as Instituicao[];
  const ofertas = await ofertasEad(db, instituicoes.map((i) => i.instituicao_codigo_inep));
  const comEad = instituicoes.filter((i) => ofertas.has(i.instituicao_codigo_inep));
  const entregas = await entregasRga(db, comEad.map((i) => i.instituicao_codigo_inep), ano);
  const calendario = calendarios(db);
  const meses = mes ? [mes] : Array.from({ length: 12 }, (_, i) => i + 1);
  const itens: ItemRga[] = [];
  for (const i of comEad) {
    const registros = ofertas.get(i.instituicao_codigo_inep)!;
    for (const m of meses) {
      if (!deveRgaNoMes(registros, ano, m)) continue;
      const v = vencimento(await calendario(i.unidade, ano), ano, m);
      // The first delivery of the month decides; a later one (a correction) does not make it late.
      const entrega = entregas.find((e) => e.codigoInep === i.instituicao_codigo_inep && e.mes === m);
      const s: SituacaoObrigacao = entrega
        ? entregueNoPrazo(v, entrega.entregueEm.getTime())
          ? 'entregue'
          : 'entregue-com-atraso'
        : agoraMs <= v.limiteMs
          ? 'a-vencer'
          : 'em-atraso';
      if (situacao && s !== situacao) continue;
      itens.push({
        instituicao: { cnpj: i.instituicao_cnpj, codigoInep: i.instituicao_codigo_inep, nome: i.instituicao_nome },
        unidade: i.unidade,
        ano,
        mes: m,
        titulo: `RGA de ${NOMES_MESES[m - 1]}/${ano}`,
        vencimento: v.data,
        explicacao: v.explicacao,
        situacao: s,
        nomeEsperado: nomeEsperado(i, ano, m),
        entregueEm: entrega ? instante(entrega.entregueEm) : null,
        arquivo: entrega ? { id: entrega.arquivoId, nome: entrega.nomeArquivo, sha256: entrega.sha256 } : null,
      });
    }
  }
  return itens.sort((a, b) => a.vencimento.localeCompare(b.vencimento) || a.instituicao.codigoInep.localeCompare(b.instituicao.codigoInep));
}

/** The calendars of the units, read once per unit and year. */
function calendarios(db: Db) {
  const cache = new Map<string, Promise<CalendarioDaUnidade>>();
  return (unidade: string, ano: number) => {
    const chave = `${unidade}|${ano}`;
    if (!cache.has(chave)) cache.set(chave, calendarioDaUnidade(db, unidade, `${ano}-01-01`));
    return cache.get(chave)!;
  };
}

const vencimento = (cal: CalendarioDaUnidade, ano: number, mes: number) =>
  vencimentoRga(ano, mes, { local: cal.local, diasDecretados: cal.diasDecretados, opcoes: { feriadosMunicipais: cal.feriadosMunicipais } });

/** The name the file must have; a município rito does not know is shown as the part to fill. */
const nomeEsperado = (i: Instituicao, ano: number, mes: number) => {
  const d = dadosDoNome(i, ano, mes);
  return d.municipio ? nomeArquivoRga({ ...d, municipio: d.municipio }) : `${nomeArquivoRga({ ...d, municipio: '' })}<MUNICÍPIO>`;
};

/** The institution as rito knows it (its latest process) in the caller's scope; 404 outside it. */
async function instituicaoNoEscopo(db: Db, ator: Ator, codigoInep: string): Promise<Instituicao> {
  const i = (await db
    .selectFrom('processo')
    .select(['instituicao_cnpj', 'instituicao_codigo_inep', 'instituicao_nome', 'unidade', 'instituicao_endereco'])
    .where('instituicao_codigo_inep', '=', codigoInep)
    .where(noEscopo(ator))
    .orderBy('criado_em', 'desc')
    .executeTakeFirst()) as Instituicao | undefined;
  if (!i) throw naoEncontrado('Instituição');
  return i;
}

export type EntregaRgaView = z.output<typeof entregaSchema>;

/**
 * The month's RGA delivered by the request's actor (a representante of the
 * school): the one path of POST /v1/obrigacoes/rga/{codigoInep} and of the
 * pages. Refuses, in pt-BR, a school that does not owe it, a month not begun,
 * a name off the seed's convention (each fault) and what is not a PDF; records
 * the delivery with the instant and the SHA-256, audited in its transaction.
 * The same file for the same month again is the delivery already made (`nova: false`).
 */
export async function entregarRga(
  deps: { db: Db; arquivos: ArmazenamentoArquivos },
  request: FastifyRequest,
  pedido: { codigoInep: string; ano: number; mes: number; arquivo: { filename: string; mimetype: string; file: NodeJS.ReadableStream | Buffer } },
  recebidoEm: number,
): Promise<{ nova: boolean; entrega: EntregaRgaView }> {
  const { db, arquivos } = deps;
  const ator = requireAtor(request);
  const { codigoInep, ano, mes, arquivo: parte } = pedido;
  const descartar = () => {
    if (!Buffer.isBuffer(parte.file)) parte.file.resume();
  };
  let i: Instituicao;
  try {
    i = await instituicaoNoEscopo(db, ator, codigoInep);
  } catch (err) {
    descartar();
    throw err;
  }
  const titulo = `RGA de ${NOMES_MESES[mes - 1]}/${ano}`;
  const registros = (await ofertasEad(db, [codigoInep])).get(codigoInep) ?? [];
  if (!deveRgaNoMes(registros, ano, mes)) {
    descartar();
    throw new HttpError(
      409,
      'sem-obrigacao',
      `A instituição não consta como oferecendo educação a distância em 01/${String(mes).padStart(2, '0')}/${ano}: não deve o ${titulo} (Deliberação CEE nº 345/2014, art. 66). A COOIE registra a oferta de EAD da instituição.`,
    );
  }
  // The RGA of a month reports that month: it is delivered from its first day on (the file names the month).
  const primeiro = diaDoCivil(ano, mes, 1);
  if (diaCivilBrasilia(recebidoEm) < primeiro) {
    descartar();
    throw new HttpError(409, 'antes-do-mes', `O ${titulo} só pode ser entregue a partir de ${formatarDataBR(primeiro)}.`);
  }
  const defeito = defeitoDoTexto(parte.filename);
  const conferencia = defeito ? { valido: false, problemas: [`O nome do arquivo ${defeito}.`] } : conferirNomeRga(parte.filename, dadosDoNome(i, ano, mes));
  if (!conferencia.valido) {
    descartar();
    throw invalido(
      conferencia.problemas.map((mensagem) => ({ campo: 'arquivo', mensagem })),
      `O nome do arquivo não segue a convenção do RGA (${FONTE_NOME_RGA}): ${conferencia.problemas.join(' ')}`,
    );
  }
  const v = vencimento(await calendarios(db)(i.unidade, ano), ano, mes);
  const resposta = (e: EntregaRga) => ({
    id: e.id,
    codigoInep,
    ano,
    mes,
    titulo,
    arquivo: { id: e.arquivoId, nome: e.nomeArquivo, sha256: e.sha256 },
    entregueEm: instante(e.entregueEm),
    vencimento: v.data,
    noPrazo: entregueNoPrazo(v, e.entregueEm.getTime()),
  });
  let registrada: EntregaRga | undefined;
  let sha256 = '';
  try {
    await arquivos.guardarArquivo(parte.file, {
      nomeOriginal: parte.filename,
      tipoDeclarado: parte.mimetype,
      enviadoPor: ator.id,
      processoId: null,
      naMesmaTransacao: async (trx, a) => {
        sha256 = a.sha256;
        // Alínea d: "um único arquivo PDF" — a PNG or JPEG is stored by no one.
        if (a.tipo !== 'application/pdf') throw new SemGravar('nao-pdf');
        const r = await registrarEntregaRga(trx, { codigoInep, ano, mes, arquivoId: a.id, sha256: a.sha256, nomeArquivo: a.nomeOriginal, entregueEm: new Date(recebidoEm), entreguePor: ator.id });
        if (!r.nova) {
          registrada = r.entrega;
          throw new SemGravar('repetida');
        }
        registrada = r.entrega;
        await request.auditar(
          {
            acao: ACAO_ENTREGAR,
            recurso: 'instituicao',
            recursoId: codigoInep,
            resumo: `${titulo} entregue pela instituição ${codigoInep}: "${a.nomeOriginal}" (SHA-256 ${a.sha256})${entregueNoPrazo(v, recebidoEm) ? '' : `, depois do vencimento (${v.data})`}`,
            dados: { ano, mes, arquivoId: a.id, sha256: a.sha256, nomeArquivo: a.nomeOriginal, vencimento: v.data, recebidoEm: instante(new Date(recebidoEm)) },
          },
          trx,
        );
      },
    });
  } catch (err) {
    if (err instanceof SemGravar && err.motivo === 'repetida' && registrada) {
      await request.auditar({ acao: ACAO_ENTREGAR, recurso: 'instituicao', repeticao: true, recursoId: codigoInep, resumo: `${titulo} da instituição ${codigoInep} enviado de novo com o mesmo arquivo (SHA-256 ${sha256}): nada foi registrado` });
      return { nova: false, entrega: resposta(registrada) };
    }
    if (err instanceof SemGravar && err.motivo === 'nao-pdf') {
      throw new HttpError(415, 'arquivo-nao-pdf', 'O RGA é um único arquivo PDF (orientações da SEEDUC-RJ para o RGA, alínea d); o conteúdo enviado não é PDF.');
    }
    if (err instanceof ArquivoRecusado) {
      const status = err.motivo === 'tamanho-excedido' ? 413 : err.motivo === 'vazio' ? 400 : 415;
      throw new HttpError(status, `arquivo-${err.motivo}`, err.message);
    }
    throw err;
  }
  return { nova: true, entrega: resposta(registrada!) };
}

export interface RgaRoutesOptions {
  db: Db;
  arquivos?: ArmazenamentoArquivos;
  relogio?: () => number | Promise<number>;
}

export const rgaRoutes: FastifyPluginAsyncZod<RgaRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const arquivos = opts.arquivos ?? criarArmazenamentoArquivos({ db });
  const agora = async () => Number(await (opts.relogio ?? Date.now)());
  await app.register(multipart, {
    limits: { files: 1, fields: 5, fieldSize: 1024, parts: 6, fileSize: arquivos.tamanhoMaximo + 1 },
    throwFileSizeLimit: false,
  });

  app.get(
    '/rga',
    {
      config: { papeis: [...PAPEIS_DE_PESSOA], auditoria: { dadosPessoais: false } }, // institutions, dates and file names: no one's personal data
      schema: {
        tags: ['processos'],
        summary: 'RGA devido por instituição de EAD em cada mês: vencimento (10º dia útil do mês na sede da unidade) e situação (entregue, com atraso, a vencer, em atraso)',
        querystring: z.object({
          ano: anoSchema,
          mes: mesSchema.optional(),
          unidade: z.string().max(120).optional(),
          codigoInep: codigoInepSchema.optional(),
          situacao: z.enum(situacoes, { error: `situação inválida: use ${situacoes.join(', ')}` }).optional(),
        }),
        response: { 200: z.object({ itens: z.array(itemSchema) }), 400: erroSchema, 401: erroSchema, 403: erroSchema },
      },
    },
    async (request) => ({ itens: await listarRga(db, requireAtor(request), request.query, await agora()) }),
  );

  app.post(
    '/rga/:codigoInep',
    {
      config: { papeis: ['representante'], auditoria: { acao: ACAO_ENTREGAR, recurso: 'instituicao' } },
      schema: {
        tags: ['processos'],
        summary: 'Entrega o RGA do mês (um arquivo PDF, multipart/form-data) de uma instituição de EAD',
        description:
          'O nome do arquivo segue a convenção das orientações da SEEDUC-RJ (RGA<ano>.<MÊS>_<NOMEFANTASIA>_<REGIONAL>_<MUNICÍPIO>.pdf) e é conferido parte a parte com o que o rito sabe da instituição; cada problema vem em português. A entrega fica registrada com o instante do recebimento e o SHA-256 do arquivo; o mesmo arquivo enviado de novo para o mesmo mês não gera outra entrega (200).',
        params: z.object({ codigoInep: codigoInepSchema }),
        querystring: z.object({ ano: anoSchema, mes: mesSchema }),
        response: { 200: entregaSchema, 201: entregaSchema, 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema, 413: erroSchema, 415: erroSchema },
      },
    },
    async (request, reply) => {
      const { codigoInep } = request.params;
      // The institution (in the caller's scope) before the body is read: outside it, nothing more is said.
      await instituicaoNoEscopo(db, requireAtor(request), codigoInep);
      if (!request.isMultipart()) throw new HttpError(415, 'tipo-de-conteudo', 'Envie o RGA como multipart/form-data, com um único arquivo PDF.');
      const parte = await request.file();
      if (!parte) throw new HttpError(400, 'arquivo-ausente', 'Nenhum arquivo foi enviado.');
      const r = await entregarRga({ db, arquivos }, request, { codigoInep, ...request.query, arquivo: parte }, await agora());
      return reply.code(r.nova ? 201 : 200).send(r.entrega);
    },
  );
};
