/**
 * The attendance follow-up over HTTP (/v1/acompanhamento; Portaria Interministerial
 * MEC/MC nº 3/2022, seed 004):
 *
 *   POST /apuracoes                  apura a school's month (operador of the school, coordenação municipal, administrador)
 *   POST /apuracoes/pendentes        apura every (school, month) a frequências lote changed (administrador)
 *   GET  /periodos?ano=              the five periods and their registration windows, with source
 *   PUT  /janelas/{ano}/{periodo}    a window as the Ministries' calendar publishes it (administrador)
 *   GET  /motivos, POST /motivos     the list of motivos in force and its versions; an administrador's import
 *   GET  /pendencias-motivo          students below the minimum in a period still without a motivo, and the days left
 *   GET  /pendencias-motivo/resumo   the same counted per school, without names (the state coordination)
 *   POST /motivos-registrados        the school's motivo for one student and period
 *   GET  /casos                      cases in the caller's nominal scope (CPF/NIS masked; audited)
 *   GET  /casos/resumo               counts without names (the state coordination, MEC, supervisors)
 *   GET  /casos/{id}                 one case with its history and documents (audited; 404 outside scope)
 *   GET  /casos/{id}/documentos/{d}  one of its documents (audited)
 *   POST /casos/{id}/{acao}          the school's acts (Idempotency-Key)
 *   GET|PUT /prazos/{municipio}      the município's deadlines for the steps
 *
 * Scope (rules/frequencia/escopo.ts): by name only the operador escolar (his school)
 * and the coordenação municipal (its município); the others see counts.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as casos from '../../db/casos';
import { obterUnidadeEnsino, perfisAtivosDe } from '../../db/habilitacoes';
import { dataEmSaoPaulo } from '../../documentos/emissao';
import { dataCivil, texto } from '../../rules/campos';
import { PRAZOS_PADRAO, prazosCasoSchema, ROTULO_ENCERRAMENTO, ROTULO_ETAPA, type EtapaCaso, type Encerramento } from '../../rules/frequencia/caso';
import { type EscopoFrequencia, escopoFrequencia, temVisaoNominal, vePorNome } from '../../rules/frequencia/escopo';
import { importacaoMotivosSchema } from '../../rules/frequencia/motivos';
import { diasRestantes, janelaDoPeriodo, mesesDoPeriodo, type NumeroPeriodo, PERIODOS } from '../../rules/frequencia/periodos';
import { mascararCpf } from '../../rules/identificadores/cpf';
import { mascararNis } from '../../rules/identificadores/nis';
import { codigoIbgeSchema } from '../../rules/identificadores/schemas';
import { ACOES_CASO, type AcaoCaso, type DadosAcaoCaso } from '../../workflows/frequencia/definitions';
import type { Papel } from '../auth/ator';
import type { ApiDeps } from '../deps';
import { conflito, erroSchema, HttpError, naoEncontrado } from '../errors';
import { instante, instanteOuNulo } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';
import { CORPOS_ACAO, apuracaoSchema, idempotencia, registroMotivoSchema, ROTULO_ACAO_CASO } from './schemas';
import { agirNoCaso, apurarEscolaMes, processarApuracoesPendentes } from './service';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema };
/** Who reaches the follow-up at all; what each sees is escopoFrequencia's. */
const PAPEIS: Papel[] = ['operador-escolar', 'coordenador-municipal', 'auxiliar-municipal', 'coordenador-estadual', 'auxiliar-estadual', 'mec', 'administrador', 'supervisor'];
const QUEM_ATUA: Papel[] = ['operador-escolar', 'coordenador-municipal', 'auxiliar-municipal'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const qualquer = z.any();
const hoje = () => dataEmSaoPaulo(new Date());
const mascarados = (e: { cpf: string | null; nis: string | null }) => ({ cpf: e.cpf ? mascararCpf(e.cpf) : null, nis: e.nis ? mascararNis(e.nis) : null });

async function escopoDe(db: ApiDeps['db'], request: FastifyRequest): Promise<EscopoFrequencia> {
  const ator = requireAtor(request);
  return escopoFrequencia({ papeis: ator.papeis, perfis: await perfisAtivosDe(db, ator.id) });
}

function exigirNominal(e: EscopoFrequencia): void {
  if (!temVisaoNominal(e)) {
    throw new HttpError(403, 'sem-permissao', 'Os dados nominais dos estudantes são vistos só pela escola e pela coordenação municipal; use /v1/acompanhamento/casos/resumo para os totais.');
  }
}

const resumoCaso = (c: Awaited<ReturnType<typeof casos.listarCasos>>[number]) => ({
  id: c.id,
  estudante: { id: c.estudante_id, nome: c.nome, ...mascarados(c) },
  escola: { codigoInep: c.codigo_inep, nome: c.escola },
  municipio: c.municipio,
  situacao: c.situacao,
  etapa: c.etapa,
  etapaRotulo: ROTULO_ETAPA[c.etapa as EtapaCaso] ?? c.etapa,
  prazoEtapa: instanteOuNulo(c.prazo_etapa),
  atrasado: c.atrasado,
  escalado: c.escalado,
  mesAbertura: c.mes_abertura,
  mesesAbaixo: c.meses_abaixo,
  encerramento: c.encerramento,
  encerramentoRotulo: c.encerramento ? ROTULO_ENCERRAMENTO[c.encerramento as Encerramento] : null,
  abertoEm: instante(c.aberto_em),
});

/** A case the caller sees by name; 404 otherwise, as for processes (nothing tells it exists). */
export async function casoDoAtor(db: ApiDeps['db'], request: FastifyRequest, id: string) {
  const e = await escopoDe(db, request);
  const c = UUID.test(id) ? await casos.obterCaso(db, id) : undefined;
  if (!c || !vePorNome(e, { codigoInep: c.codigo_inep, municipio: c.municipio })) throw naoEncontrado('Caso de acompanhamento de frequência');
  return c;
}

/** The cases in the caller's nominal scope, audited: the one path of GET /casos and of the pages. */
export async function listarCasosDoAtor(
  db: ApiDeps['db'],
  request: FastifyRequest,
  q: { codigoInep?: string; situacao?: 'aberto' | 'encerrado'; atrasados?: string; escalados?: string; pagina: number },
) {
  const e = await escopoDe(db, request);
  exigirNominal(e);
  const itens = await casos.listarCasos(db, { escopo: e, codigoInep: q.codigoInep, situacao: q.situacao, atrasados: q.atrasados === 'true', escalados: q.escalados === 'true' }, 200, (q.pagina - 1) * 200);
  await request.auditar({ acao: 'caso-frequencia.listar', recurso: 'caso-frequencia', resumo: `Listagem de casos de acompanhamento de frequência: ${itens.length}`, dados: { casos: itens.map((c) => c.id) } });
  return { itens: itens.map(resumoCaso), pagina: q.pagina };
}

/** One case with its history, months and documents, audited: GET /casos/{id} and the case's page. */
export async function casoCompleto(db: ApiDeps['db'], request: FastifyRequest, id: string) {
  const c = await casoDoAtor(db, request, id);
  const [eventos, documentos, apuracoes] = await Promise.all([
    casos.eventosDoCaso(db, c.id),
    db.selectFrom('documento').select(['id', 'tipo', 'identificacao', 'emitido_em']).where('processo_id', '=', `caso-frequencia:${c.id}`).orderBy('emitido_em').execute(),
    db.selectFrom('apuracao_frequencia').select(['mes', 'dias_letivos', 'presencas', 'percentual', 'minimo', 'abaixo', 'explicacao']).where('estudante_id', '=', c.estudante_id).where('codigo_inep', '=', c.codigo_inep).orderBy('mes').execute(),
  ]);
  await request.auditar({ acao: 'caso-frequencia.ler', recurso: 'caso-frequencia', recursoId: c.id, resumo: `Leitura do caso de acompanhamento de frequência ${c.id} (estudante ${c.estudante_id})`, dados: { estudanteId: c.estudante_id } });
  const acoes = c.situacao === 'aberto' ? ACOES_CASO.map((acao) => ({ acao, rotulo: ROTULO_ACAO_CASO[acao], url: `/v1/acompanhamento/casos/${c.id}/${acao}` })) : [];
  return {
    ...resumoCaso({ ...c, escola: c.escola }),
    estudante: { id: c.estudante_id, nome: c.nome, dataNascimento: c.data_nascimento, ...mascarados(c) },
    apuracoes: apuracoes.map((a) => ({ ...a, percentual: a.percentual === null ? null : Number(a.percentual) })),
    documentos: documentos.map((d) => ({ id: d.id, tipo: d.tipo, identificacao: d.identificacao, emitidoEm: instante(d.emitido_em), url: `/v1/acompanhamento/casos/${c.id}/documentos/${d.id}` })),
    eventos: eventos.map((x) => ({ tipo: x.tipo, descricao: x.descricao, ator: x.ator_nome, em: instante(x.em) })),
    acoes,
  };
}

/** One act of the school on a case, audited: POST /casos/{id}/{acao} and the case's page. */
export async function praticarAcaoNoCaso(deps: ApiDeps, request: FastifyRequest, id: string, acao: AcaoCaso, corpo: Record<string, unknown>, chaveCliente: string) {
  const ator = requireAtor(request);
  const c = await casoDoAtor(deps.db, request, id);
  const dados = await dadosDaAcao(deps.db, acao, corpo);
  const chave = `${ator.id}:${chaveCliente}`;
  const r = await agirNoCaso(deps.temporal, c.id, { acao, ator: { id: ator.id, nome: ator.nome }, em: new Date().toISOString(), chave, dados });
  await request.auditar({
    acao: `caso-frequencia.${acao}`,
    recurso: 'caso-frequencia',
    recursoId: c.id,
    resumo: `${ROTULO_ACAO_CASO[acao]}: caso ${c.id} (estudante ${c.estudante_id})${r.documento ? ` — ${r.documento.identificacao}` : ''}`,
    dados: { acao, etapa: r.etapa, situacao: r.situacao, documento: r.documento },
    chaveIdempotencia: chave,
  });
  return r;
}

/** The body as the workflow takes it: the motivo resolved against the list in force (and its version). */
async function dadosDaAcao(db: ApiDeps['db'], acao: AcaoCaso, corpo: Record<string, unknown>): Promise<DadosAcaoCaso> {
  if (acao === 'registrar-averiguacao') {
    const { motivoCodigo, ...resto } = corpo as { motivoCodigo: string; relato: string; vulnerabilidade: boolean };
    const lista = await casos.motivosVigentes(db, hoje());
    const m = lista?.motivos.find((x) => x.codigo.toLowerCase() === motivoCodigo.toLowerCase());
    if (!lista || !m) throw new HttpError(400, 'validacao', 'Dados inválidos.', [{ campo: 'motivoCodigo', mensagem: `o código ${motivoCodigo} não consta da lista de motivos em vigor (versão ${lista?.versao ?? '—'})` }]);
    return { ...resto, motivo: { codigo: m.codigo, descricao: m.descricao, versao: lista.versao } };
  }
  if (acao === 'registrar-ocorrencia') {
    const { tipo, data, destinoInep, endereco, observacao } = corpo as NonNullable<DadosAcaoCaso['ocorrencia']>;
    return { ocorrencia: { tipo, data, ...(destinoInep ? { destinoInep } : {}), ...(endereco ? { endereco } : {}), ...(observacao ? { observacao } : {}) } };
  }
  return corpo as DadosAcaoCaso;
}


const acompanhamentoRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  const { db } = deps;

  const casoNoEscopo = (request: FastifyRequest, id: string) => casoDoAtor(db, request, id);

  app.post(
    '/apuracoes',
    {
      config: { papeis: ['operador-escolar', 'coordenador-municipal', 'auxiliar-municipal', 'administrador'], auditoria: { acao: 'frequencia.apurar', recurso: 'unidade-ensino' } },
      schema: { tags: ['presenca'], summary: 'Apura a frequência mensal de uma escola (art. 2º) e abre os casos abaixo do mínimo', body: apuracaoSchema, response: { 200: qualquer, ...erros } },
    },
    async (request) => {
      const ator = requireAtor(request);
      const { codigoInep, mes } = request.body;
      const escola = await obterUnidadeEnsino(db, codigoInep);
      const e = await escopoDe(db, request);
      if (!escola || (!ator.papeis.includes('administrador') && !vePorNome(e, { codigoInep, municipio: escola.municipio }))) throw naoEncontrado(`Unidade de ensino de Código INEP ${codigoInep}`);
      const r = await apurarEscolaMes(deps, codigoInep, mes);
      await request.auditar({ recursoId: codigoInep, resumo: `Apuração de ${mes} da escola ${codigoInep}: ${r.apurados} estudantes, ${r.abaixo} abaixo do mínimo, ${r.casosAbertos} casos abertos`, dados: { ...r } });
      return r;
    },
  );

  app.post(
    '/apuracoes/pendentes',
    {
      config: { papeis: ['administrador'], auditoria: { acao: 'frequencia.apurar-pendentes' } },
      schema: { tags: ['presenca'], summary: 'Apura cada escola e mês alterados por lotes de frequência ainda não apurados', response: { 200: qualquer, ...erros } },
    },
    async (request) => {
      const feitos = await processarApuracoesPendentes(deps);
      await request.auditar({ resumo: `Apuração das pendências dos lotes: ${feitos.length} escola(s)-mês`, dados: { feitos: feitos.map((f) => ({ codigoInep: f.codigoInep, mes: f.mes })) } });
      return { itens: feitos };
    },
  );

  app.get(
    '/periodos',
    {
      config: { papeis: PAPEIS, auditoria: { dadosPessoais: false } },
      schema: { tags: ['presenca'], summary: 'Os cinco períodos do ano e as janelas de registro (art. 3º)', querystring: z.object({ ano: z.coerce.number().int().min(2000).max(2099) }), response: { 200: qualquer, ...erros } },
    },
    async (request) => {
      const publicadas = await casos.janelasPublicadas(db, request.query.ano);
      return {
        itens: PERIODOS.map((p) => {
          const j = janelaDoPeriodo(request.query.ano, p.numero, publicadas);
          return { periodo: p.numero, rotulo: p.rotulo, meses: mesesDoPeriodo(request.query.ano, p.numero), janela: { ...j, diasRestantes: diasRestantes(j, hoje()) } };
        }),
      };
    },
  );

  app.put(
    '/janelas/:ano/:periodo',
    {
      config: { papeis: ['administrador'], auditoria: { acao: 'frequencia.janela.definir', recurso: 'janela-registro' } },
      schema: {
        tags: ['presenca'],
        summary: 'Registra a janela de registro de um período como publicada no calendário anual do MEC/MDS',
        params: z.object({ ano: z.coerce.number().int().min(2000).max(2099), periodo: z.coerce.number().int().min(1).max(5) }),
        body: z
          .strictObject({ inicio: dataCivil, fim: dataCivil, fonte: texto(500).describe('O ato que publica o calendário (ex.: Portaria/Nota Técnica MEC/MDS de …)') })
          .refine((j) => j.inicio <= j.fim, { message: 'o fim da janela não pode ser anterior ao início', path: ['fim'] }),
        response: { 200: qualquer, ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const { ano } = request.params;
      const periodo = request.params.periodo as NumeroPeriodo;
      // The window registers a period already apurado: it cannot open before the period's last month begins.
      const ultimoMes = mesesDoPeriodo(ano, periodo)[1]!;
      if (request.body.inicio < `${ultimoMes}-01`) {
        throw new HttpError(400, 'validacao', 'Dados inválidos.', [{ campo: 'inicio', mensagem: `a janela do período ${periodo} de ${ano} não pode abrir antes de ${`${ultimoMes}-01`.split('-').reverse().join('/')}` }]);
      }
      await casos.definirJanela(db, { ano, periodo, ...request.body, por: ator.id });
      await request.auditar({ recursoId: `${ano}-${periodo}`, resumo: `Janela de registro do período ${periodo} de ${ano}: ${request.body.inicio} a ${request.body.fim}`, dados: { ...request.body } });
      return janelaDoPeriodo(ano, periodo, await casos.janelasPublicadas(db, ano));
    },
  );

  app.get(
    '/motivos',
    {
      config: { papeis: PAPEIS, auditoria: { dadosPessoais: false } },
      schema: { tags: ['presenca'], summary: 'A lista de motivos de baixa frequência em vigor e as suas versões', response: { 200: qualquer, ...erros } },
    },
    async () => {
      const v = await casos.motivosVigentes(db, hoje());
      const versoes = await casos.versoesDeMotivos(db);
      return {
        vigente: v ? { versao: v.versao, vigenteDesde: v.vigente_desde, fonte: v.fonte, motivos: v.motivos } : null,
        versoes: versoes.map((x) => ({ versao: x.versao, vigenteDesde: x.vigente_desde, fonte: x.fonte, importadoPor: x.importado_por, importadoEm: instante(x.importado_em) })),
      };
    },
  );

  app.post(
    '/motivos',
    {
      config: { papeis: ['administrador'], auditoria: { acao: 'frequencia.motivos.importar', recurso: 'motivo-frequencia' } },
      schema: { tags: ['presenca'], summary: 'Importa uma nova versão da lista de motivos (as anteriores ficam guardadas)', body: importacaoMotivosSchema, response: { 201: qualquer, ...erros } },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      const v = await casos.importarMotivos(db, { ...request.body, por: ator.id });
      await request.auditar({ recursoId: String(v.versao), resumo: `Lista de motivos de baixa frequência, versão ${v.versao}, vigente desde ${v.vigente_desde} (${request.body.motivos.length} motivos)`, dados: { fonte: request.body.fonte } });
      reply.code(201);
      return { versao: v.versao, vigenteDesde: v.vigente_desde };
    },
  );

  app.get(
    '/pendencias-motivo',
    {
      config: { papeis: PAPEIS, auditoria: { acao: 'frequencia.pendencias-motivo.ler', recurso: 'unidade-ensino', dadosPessoais: true } },
      schema: {
        tags: ['presenca'],
        summary: 'Estudantes abaixo do mínimo no período ainda sem motivo registrado, e os dias que restam da janela',
        querystring: z.object({ ano: z.coerce.number().int().min(2000).max(2099), periodo: z.coerce.number().int().min(1).max(5), codigoInep: z.string().regex(/^\d{8}$/).optional() }),
        response: { 200: qualquer, ...erros },
      },
    },
    async (request) => {
      const e = await escopoDe(db, request);
      exigirNominal(e);
      const { ano, codigoInep } = request.query;
      const periodo = request.query.periodo as NumeroPeriodo;
      const janela = janelaDoPeriodo(ano, periodo, await casos.janelasPublicadas(db, ano));
      const linhas = await casos.semMotivoNoPeriodo(db, { escopo: e, codigoInep, ano, periodo, meses: mesesDoPeriodo(ano, periodo) });
      await request.auditar({ resumo: `Leitura dos estudantes sem motivo de baixa frequência (${ano}, período ${periodo}): ${linhas.length}`, dados: { estudantes: linhas.map((l) => l.estudante_id) } });
      return {
        janela: { ...janela, diasRestantes: diasRestantes(janela, hoje()) },
        itens: linhas.map((l) => ({
          estudante: { id: l.estudante_id, nome: l.nome, ...mascarados(l) },
          escola: { codigoInep: l.codigo_inep, nome: l.escola },
          meses: [...l.meses].sort(),
          menorPercentual: l.menor_percentual === null ? null : Number(l.menor_percentual),
        })),
      };
    },
  );

  app.get(
    '/pendencias-motivo/resumo',
    {
      config: { papeis: PAPEIS, auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['presenca'],
        summary: 'Por escola, quantos estudantes ficaram abaixo do mínimo no período e quantos ainda estão sem motivo, sem nomes (coordenação estadual)',
        querystring: z.object({ ano: z.coerce.number().int().min(2000).max(2099), periodo: z.coerce.number().int().min(1).max(5) }),
        response: { 200: qualquer, ...erros },
      },
    },
    async (request) => {
      const e = await escopoDe(db, request);
      if (e.agregado !== 'todas' && e.agregado.length === 0) throw new HttpError(403, 'sem-permissao', 'Os totais por UF são da coordenação estadual, do MEC e da supervisão; a escola e o município veem os seus estudantes em /v1/acompanhamento/pendencias-motivo.');
      const { ano } = request.query;
      const periodo = request.query.periodo as NumeroPeriodo;
      const janela = janelaDoPeriodo(ano, periodo, await casos.janelasPublicadas(db, ano));
      const linhas = await casos.contagemSemMotivo(db, { ufs: e.agregado === 'todas' ? undefined : e.agregado, ano, periodo, meses: mesesDoPeriodo(ano, periodo) });
      return {
        janela: { ...janela, diasRestantes: diasRestantes(janela, hoje()) },
        itens: linhas.map((l) => ({ uf: l.uf, municipio: l.municipio, codigoInep: l.codigo_inep, abaixoDoMinimo: Number(l.abaixo), semMotivo: Number(l.sem_motivo) })),
      };
    },
  );

  app.post(
    '/motivos-registrados',
    {
      config: { papeis: QUEM_ATUA, auditoria: { acao: 'frequencia.motivo.registrar', recurso: 'estudante' } },
      schema: { tags: ['presenca'], summary: 'Registra o motivo de baixa frequência de um estudante no período (art. 3º, § 2º)', body: registroMotivoSchema, response: { 200: qualquer, ...erros } },
    },
    async (request) => {
      const ator = requireAtor(request);
      const b = request.body;
      const escola = await obterUnidadeEnsino(db, b.codigoInep);
      const e = await escopoDe(db, request);
      if (!escola || !vePorNome(e, { codigoInep: b.codigoInep, municipio: escola.municipio })) throw naoEncontrado(`Unidade de ensino de Código INEP ${b.codigoInep}`);
      const periodo = b.periodo as NumeroPeriodo;
      const abaixo = await db
        .selectFrom('apuracao_frequencia')
        .select('mes')
        .where('estudante_id', '=', b.estudanteId)
        .where('codigo_inep', '=', b.codigoInep)
        .where('mes', 'in', mesesDoPeriodo(b.ano, periodo))
        .where('abaixo', '=', true)
        .execute();
      if (abaixo.length === 0) throw naoEncontrado('Estudante abaixo do mínimo nesta escola e período');
      const janela = janelaDoPeriodo(b.ano, periodo, await casos.janelasPublicadas(db, b.ano));
      if (hoje() > janela.fim) throw conflito('janela-encerrada', `A janela de registro do período ${periodo} de ${b.ano} encerrou em ${janela.fim.split('-').reverse().join('/')}.`);
      const lista = await casos.motivosVigentes(db, hoje());
      const motivo = lista?.motivos.find((m) => m.codigo.toLowerCase() === b.motivoCodigo.toLowerCase());
      if (!lista || !motivo) throw new HttpError(400, 'validacao', 'Dados inválidos.', [{ campo: 'motivoCodigo', mensagem: `o código ${b.motivoCodigo} não consta da lista de motivos em vigor (versão ${lista?.versao ?? '—'})` }]);
      await casos.registrarMotivo(db, { estudanteId: b.estudanteId, codigoInep: b.codigoInep, ano: b.ano, periodo, codigo: motivo.codigo, versao: lista.versao, por: ator.id });
      await request.auditar({ recursoId: b.estudanteId, resumo: `Motivo ${motivo.codigo} (${motivo.descricao}) registrado para ${b.ano}, período ${periodo}, escola ${b.codigoInep}`, dados: { ...b, versao: lista.versao } });
      return { motivo, versao: lista.versao, janela: { ...janela, diasRestantes: diasRestantes(janela, hoje()) } };
    },
  );

  app.get(
    '/casos',
    {
      config: { papeis: PAPEIS, auditoria: { acao: 'caso-frequencia.listar', recurso: 'caso-frequencia', dadosPessoais: true } },
      schema: {
        tags: ['presenca'],
        summary: 'Casos de acompanhamento no escopo nominal (CPF e NIS mascarados); atrasados e escalados primeiro',
        querystring: z.object({
          codigoInep: z.string().regex(/^\d{8}$/).optional(),
          situacao: z.enum(['aberto', 'encerrado']).optional(),
          atrasados: z.enum(['true', 'false']).optional(),
          escalados: z.enum(['true', 'false']).optional(),
          pagina: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
        response: { 200: qualquer, ...erros },
      },
    },
    async (request) => listarCasosDoAtor(db, request, request.query),
  );

  app.get(
    '/casos/resumo',
    {
      config: { papeis: PAPEIS, auditoria: { dadosPessoais: false } },
      schema: { tags: ['presenca'], summary: 'Totais de casos por município, etapa e situação, sem nomes (coordenação estadual)', response: { 200: qualquer, ...erros } },
    },
    async (request) => {
      const e = await escopoDe(db, request);
      if (e.agregado !== 'todas' && e.agregado.length === 0) throw new HttpError(403, 'sem-permissao', 'Os totais por UF são da coordenação estadual, do MEC e da supervisão; a escola e o município veem os seus casos em /v1/acompanhamento/casos.');
      const linhas = await casos.contagemDeCasos(db, { ufs: e.agregado === 'todas' ? undefined : e.agregado });
      return { itens: linhas.map((l) => ({ uf: l.uf, municipio: l.municipio, situacao: l.situacao, etapa: l.etapa, casos: Number(l.casos), atrasados: Number(l.atrasados), escalados: Number(l.escalados) })) };
    },
  );

  app.get(
    '/casos/:id',
    {
      config: { papeis: PAPEIS, auditoria: { acao: 'caso-frequencia.ler', recurso: 'caso-frequencia', dadosPessoais: true } },
      schema: { tags: ['presenca'], summary: 'Um caso com o histórico e os documentos (leitura auditada)', params: z.object({ id: z.string().max(80) }), response: { 200: qualquer, ...erros } },
    },
    async (request) => casoCompleto(db, request, request.params.id),
  );

  app.get(
    '/casos/:id/documentos/:documentoId',
    {
      config: { papeis: PAPEIS, auditoria: { acao: 'caso-frequencia.documento.ler', recurso: 'caso-frequencia', dadosPessoais: true } },
      schema: { tags: ['presenca'], summary: 'Um documento do caso (HTML)', params: z.object({ id: z.string().max(80), documentoId: z.string().max(80) }), response: { 200: qualquer, ...erros } },
    },
    async (request, reply) => {
      const c = await casoNoEscopo(request, request.params.id);
      const doc = UUID.test(request.params.documentoId)
        ? await db.selectFrom('documento').select(['id', 'html', 'identificacao']).where('id', '=', request.params.documentoId).where('processo_id', '=', `caso-frequencia:${c.id}`).executeTakeFirst()
        : undefined;
      if (!doc) throw naoEncontrado('Documento do caso');
      await request.auditar({ recursoId: c.id, resumo: `Leitura de ${doc.identificacao} do caso ${c.id} (estudante ${c.estudante_id})`, dados: { documentoId: doc.id, estudanteId: c.estudante_id } });
      reply.type('text/html; charset=utf-8');
      return doc.html;
    },
  );

  for (const acao of ACOES_CASO) {
    app.post(
      `/casos/:id/${acao}`,
      {
        config: { papeis: QUEM_ATUA, auditoria: { acao: `caso-frequencia.${acao}`, recurso: 'caso-frequencia' } },
        schema: { tags: ['presenca'], summary: ROTULO_ACAO_CASO[acao], params: z.object({ id: z.string().max(80) }), headers: idempotencia, body: CORPOS_ACAO[acao], response: { 200: qualquer, ...erros } },
      },
      async (request) => praticarAcaoNoCaso(deps, request, request.params.id, acao, request.body as Record<string, unknown>, request.headers['idempotency-key']),
    );
  }


  app.get(
    '/prazos/:municipio',
    {
      config: { papeis: PAPEIS, auditoria: { dadosPessoais: false } },
      schema: { tags: ['presenca'], summary: 'Os prazos das etapas dos casos no município (dias úteis)', params: z.object({ municipio: codigoIbgeSchema }), response: { 200: qualquer, ...erros } },
    },
    async (request) => ({ municipio: request.params.municipio, ...(await casos.prazosDoMunicipio(db, request.params.municipio)), padrao: PRAZOS_PADRAO }),
  );

  app.put(
    '/prazos/:municipio',
    {
      config: { papeis: ['coordenador-municipal', 'administrador'], auditoria: { acao: 'caso-frequencia.prazos.definir', recurso: 'municipio' } },
      schema: {
        tags: ['presenca'],
        summary: 'Define os prazos das etapas no município (valem para os casos abertos depois)',
        params: z.object({ municipio: codigoIbgeSchema }),
        body: prazosCasoSchema.extend({ fonte: texto(500).describe('O ato do município que fixa os prazos') }),
        response: { 200: qualquer, ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const { municipio } = request.params;
      const perfis = await perfisAtivosDe(db, ator.id);
      if (!ator.papeis.includes('administrador') && !perfis.some((p) => p.perfil === 'coordenador-municipal' && p.municipio === municipio)) {
        throw new HttpError(403, 'sem-permissao', 'Os prazos do município são definidos pela sua coordenação municipal.');
      }
      const { fonte, ...prazos } = request.body;
      await casos.definirPrazosDoMunicipio(db, municipio, prazos, fonte, ator.id);
      await request.auditar({ recursoId: municipio, resumo: `Prazos dos casos de frequência do município ${municipio} definidos`, dados: { prazos, fonte } });
      return { municipio, ...prazos, fonte };
    },
  );
};

export default acompanhamentoRoutes;
