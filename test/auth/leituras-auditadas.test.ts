/**
 * Reads of personal data are audited (issue 17, defect 5; LGPD, ASVS 16.3.2).
 *
 * Generic part, from the OpenAPI document (so a route added later cannot
 * forget): every GET operation says in `x-dados-pessoais` whether it returns a
 * person's data, and every one that does is read here and must write exactly
 * one audit entry per request (who, what, when), however many rows it returns.
 * A GET under /v1 that declares neither stops the API at start-up.
 *
 * Explicit part: the routes known to return personal data (the process with its
 * requerente, the listing, the timeline, the rite's state, the document in HTML
 * and PDF, the files uploaded to a process, accounts, the audit trail, the alerts) are exactly the ones that
 * declare it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import { createAutenticador } from '../../api/auth';
import { buildApp } from '../../api/app';
import { registrarEtap } from '../../db/etap';
import { tiposProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo, ritosRegistrados } from '../../rules/ritos/registro';
import { emitirDocumento } from '../../documentos/emissao';
import { DADOS } from '../documentos/fixtures';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { abrirProcesso } from '../support/abertura';
import { criarChaveApi } from '../../api/auth/chaves';
import { salvarUnidadeEnsino } from '../../db/habilitacoes';
import { casoComDocumento, habilitado } from '../frequencia/apoio';

const CNPJ = '11222333000181';
// A school of this file only: the process's workflow id comes from CNPJ and INEP, and test files share one Temporal server.
const INEP = `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

let sys: TestSystem;
let admin: Conta, supervisor: Conta, rep: Conta;
let processo: string;
/** Every registered rite but the vistoria's (whose process is `processo`), with a kind that follows it. */
const OUTROS_RITOS = ritosRegistrados()
  .filter((r) => r.codigo !== 'vistoria')
  .map((r) => ({ codigo: r.codigo, tipo: tiposProcesso().find((t) => ritoDoTipo(t)?.codigo === r.codigo)! }));
const processoDoRito: Record<string, string> = {};
let documento: string;
let arquivo: string;
/** A credenciamento of an external user (api/credenciamentos), with the secret of its follow-up link and its requester. */
const credenciamento = { id: '', acesso: '', requerente: '' };
/** A Sistema Presença pedido with a document (api/habilitacoes). */
const presenca = { id: '', acesso: '', requerente: '', arquivo: '' };
/** A network's key (papel sistema) and a student enrolled in one of its schools (api/lotes). */
let rede: Conta;
const CPF_ESTUDANTE = '52998224725';
/** An operador escolar of INEP's school and a student's case there, with its notificação à família (api/acompanhamento). */
let operador: Conta;
let caso: { casoId: string; documentoId: string };

beforeAll(async () => {
  sys = await startTestSystem();
  [admin, supervisor, rep] = await Promise.all([
    sys.conta({ papeis: ['administrador'] }),
    sys.conta({ papeis: ['supervisor'] }),
    sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] }),
  ]);
  processo = await abrirProcesso(sys, rep, { cnpj: CNPJ, codigoInep: INEP, requerente: { nome: 'Requerente Fulana', cpf: '529.982.247-25', email: 'req@example.org' } });
  for (const r of OUTROS_RITOS) {
    processoDoRito[r.codigo] = await abrirProcesso(sys, rep, { tipo: r.tipo, cnpj: CNPJ, codigoInep: INEP, requerente: { nome: 'Requerente Fulana', cpf: '529.982.247-25', email: 'req@example.org' } });
  }
  await registrarEtap(sys.db, {
    processoId: processoDoRito.etap!,
    cnpj: CNPJ,
    codigoInep: INEP,
    ato: 'Edital nº 1/2026/COOGIE, DOERJ de 20/11/2026, p. 3',
    membros: [{ nome: 'Paulo Henrique Tavares', funcao: 'diretor', desde: '2026-12-01' }],
  });
  documento = (
    await emitirDocumento(sys.db, {
      chave: `leituras:${processo}`,
      processoId: processo,
      tipo: 'notificacao-exigencias',
      unidade: 'METROPOLITANA I',
      dados: DADOS['notificacao-exigencias'],
      emitidoPor: admin.id,
      emitidoEm: '2026-11-23T10:00:00-03:00',
    })
  ).id;
  const form = new FormData();
  form.append('arquivo', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1')], { type: 'application/pdf' }), 'Alvará.pdf');
  const envio = await fetch(`${sys.baseUrl}/v1/arquivos?processoId=${encodeURIComponent(processo)}`, {
    method: 'POST',
    headers: { cookie: `rito_sessao=${rep.cookie}`, 'x-csrf-token': rep.csrf! },
    body: form,
  });
  expect(envio.status).toBe(201);
  arquivo = ((await envio.json()) as { id: string }).id;
  const emailCredenciamento = `credenciamento.${INEP}@colegio.org`;
  const pedido = await sys.request('POST', '/v1/credenciamentos', {
    body: {
      nome: 'Rita Representante',
      cpf: '529.982.247-25',
      email: emailCredenciamento,
      instituicao: { cnpj: CNPJ, nome: 'Colégio' },
      tipo: 'representante-legal',
      aceitaTermo: true,
      documentos: [{ tipo: 'ato-constitutivo', nomeOriginal: 'contrato.pdf', conteudoBase64: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1').toString('base64') }],
    },
  });
  expect(pedido.status, JSON.stringify(pedido.body)).toBe(201);
  credenciamento.id = pedido.body.id;
  const protocolo = await sys.smtp.aguardar(emailCredenciamento, { timeoutMs: 20_000 });
  credenciamento.acesso = new RegExp(`/credenciamento/${credenciamento.id}#(\\S+)`).exec(protocolo.texto)![1]!;
  credenciamento.requerente = (await sys.db.selectFrom('habilitacao').select('usuario_id').where('id', '=', credenciamento.id).executeTakeFirstOrThrow()).usuario_id;
  const emailPresenca = `auxiliar.${Date.now()}@rio.rj.gov.br`;
  const pedidoPresenca = await sys.request('POST', '/v1/habilitacoes', {
    body: {
      perfil: 'auxiliar-municipal',
      nome: 'Auxiliar Municipal',
      cpf: '52998224725',
      email: emailPresenca,
      uf: 'RJ',
      municipio: '3304557',
      documentos: [{ tipo: 'outro', nomeOriginal: 'portaria.pdf', conteudoBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }],
    },
  });
  expect(pedidoPresenca.status, JSON.stringify(pedidoPresenca.body)).toBe(201);
  presenca.id = pedidoPresenca.body.id;
  const protocoloPresenca = await sys.smtp.aguardar(emailPresenca, { timeoutMs: 20_000 });
  presenca.acesso = new RegExp(`/habilitacao/${presenca.id}#(\\S+)`).exec(protocoloPresenca.texto)![1]!;
  const linhaPresenca = await sys.db.selectFrom('habilitacao').select(['usuario_id', 'documentos']).where('id', '=', presenca.id).executeTakeFirstOrThrow();
  presenca.requerente = linhaPresenca.usuario_id;
  presenca.arquivo = linhaPresenca.documentos[0]!.arquivoId;
  await salvarUnidadeEnsino(sys.db, { codigoInep: INEP, nome: 'Escola Estadual', uf: 'RJ', municipio: '3304557', dependencia: 'estadual', fonte: 'teste', por: 'teste' });
  const estudante = await sys.db.insertInto('estudante').values({ cpf: CPF_ESTUDANTE, nome: 'Estudante Fulano', data_nascimento: '2015-01-01' }).returning('id').executeTakeFirstOrThrow();
  await sys.db.insertInto('matricula').values({ estudante_id: estudante.id, codigo_inep: INEP, ano: 2026, inicio: '2026-02-02' }).execute();
  const k = await criarChaveApi(sys.db, { nome: 'SEEDUC-RJ', papeis: ['sistema'], unidade: null, instituicoes: [], expiraEm: null, rede: 'estadual:RJ' }, 'teste');
  // The key acts as `chave:<id>` in the trail.
  rede = { id: `chave:${k.id}`, chave: k.chave } as Conta;
  operador = await habilitado(sys, 'operador-escolar', { municipio: '3304557', codigoInep: INEP });
  caso = await casoComDocumento(sys, INEP, operador);
}, 180_000);

afterAll(async () => {
  await sys?.stop();
});

/**
 * The GET operations that return a person's data, each with a URL to read it as someone allowed to.
 * A public read (the requester following his pedido) goes anonymous with `cabecalhos`, attributed to `atorId`.
 */
const LEITURAS: Record<string, { url: () => string; como: () => Conta | null; acao: string; cabecalhos?: () => Record<string, string>; atorId?: () => string }> = {
  '/v1/processos': { url: () => '/v1/processos', como: () => rep, acao: 'processo.listar' },
  '/v1/processos/{id}': { url: () => `/v1/processos/${processo}`, como: () => rep, acao: 'processo.ler' },
  '/v1/processos/{id}/linha-do-tempo': { url: () => `/v1/processos/${processo}/linha-do-tempo`, como: () => rep, acao: 'processo.linha-do-tempo.ler' },
  '/v1/processos/{id}/vistoria': { url: () => `/v1/processos/${processo}/vistoria`, como: () => rep, acao: 'vistoria.estado.ler' },
  // The state of every other registered rite, read on a process of a kind that follows it (opened in beforeAll).
  ...Object.fromEntries(
    OUTROS_RITOS.map((r) => [`/v1/processos/{id}/${r.codigo}`, { url: () => `/v1/processos/${processoDoRito[r.codigo]}/${r.codigo}`, como: () => rep, acao: `${r.codigo}.estado.ler` }]),
  ),
  '/v1/instituicoes/{codigoInep}/etap': { url: () => `/v1/instituicoes/${INEP}/etap`, como: () => rep, acao: 'instituicao.etap.ler' },
  '/v1/instituicoes/{codigoInep}/relatorio-anual/rascunho': { url: () => `/v1/instituicoes/${INEP}/relatorio-anual/rascunho`, como: () => rep, acao: 'instituicao.relatorio-anual.rascunho' },
  '/v1/documentos/{id}': { url: () => `/v1/documentos/${documento}`, como: () => rep, acao: 'documento.ler' },
  '/v1/documentos/{id}.pdf': { url: () => `/v1/documentos/${documento}.pdf`, como: () => rep, acao: 'documento.ler' },
  '/v1/arquivos/{id}': { url: () => `/v1/arquivos/${arquivo}`, como: () => supervisor, acao: 'arquivo.ler' },
  '/v1/usuarios': { url: () => '/v1/usuarios', como: () => admin, acao: 'usuario.listar' },
  '/v1/usuarios/{id}': { url: () => `/v1/usuarios/${rep.id}`, como: () => admin, acao: 'usuario.ler' },
  '/v1/auditoria': { url: () => '/v1/auditoria', como: () => supervisor, acao: 'auditoria.ler' },
  '/v1/alertas': { url: () => '/v1/alertas', como: () => supervisor, acao: 'alerta.ler' },
  '/v1/credenciamentos': { url: () => '/v1/credenciamentos', como: () => admin, acao: 'credenciamento.listar' },
  '/v1/credenciamentos/{id}': { url: () => `/v1/credenciamentos/${credenciamento.id}`, como: () => supervisor, acao: 'credenciamento.ler' },
  '/v1/credenciamentos/{id}/acompanhamento': {
    url: () => `/v1/credenciamentos/${credenciamento.id}/acompanhamento`,
    como: () => null,
    cabecalhos: () => ({ 'x-acesso-pedido': credenciamento.acesso }),
    atorId: () => credenciamento.requerente,
    acao: 'credenciamento.acompanhar',
  },
  '/v1/habilitacoes': { url: () => '/v1/habilitacoes', como: () => admin, acao: 'habilitacao.listar' },
  '/v1/habilitacoes/{id}': { url: () => `/v1/habilitacoes/${presenca.id}`, como: () => admin, acao: 'habilitacao.ler' },
  '/v1/habilitacoes/{id}/documentos/{arquivoId}': { url: () => `/v1/habilitacoes/${presenca.id}/documentos/${presenca.arquivo}`, como: () => admin, acao: 'habilitacao.documento.ler' },
  '/v1/habilitacoes/{id}/acompanhamento': {
    url: () => `/v1/habilitacoes/${presenca.id}/acompanhamento`,
    como: () => null,
    cabecalhos: () => ({ 'x-acesso-pedido': presenca.acesso }),
    atorId: () => presenca.requerente,
    acao: 'habilitacao.acompanhar',
  },
  '/v1/estudantes/{cpfNis}': { url: () => `/v1/estudantes/${CPF_ESTUDANTE}`, como: () => rede, acao: 'estudante.ler' },
  '/v1/estudantes/inep/{inep}': { url: () => `/v1/estudantes/inep/${INEP}`, como: () => rede, acao: 'estudante.listar' },
  '/v1/acompanhamento/casos': { url: () => '/v1/acompanhamento/casos', como: () => operador, acao: 'caso-frequencia.listar' },
  '/v1/acompanhamento/casos/{id}': { url: () => `/v1/acompanhamento/casos/${caso.casoId}`, como: () => operador, acao: 'caso-frequencia.ler' },
  '/v1/acompanhamento/casos/{id}/documentos/{documentoId}': {
    url: () => `/v1/acompanhamento/casos/${caso.casoId}/documentos/${caso.documentoId}`,
    como: () => operador,
    acao: 'caso-frequencia.documento.ler',
  },
  '/v1/acompanhamento/pendencias-motivo': { url: () => '/v1/acompanhamento/pendencias-motivo?ano=2026&periodo=5', como: () => operador, acao: 'frequencia.pendencias-motivo.ler' },
};

async function getsDoDocumento(): Promise<{ rota: string; dadosPessoais: unknown }[]> {
  const doc = (await sys.request('GET', '/docs/json')).body;
  return Object.entries(doc.paths as Record<string, Record<string, { 'x-dados-pessoais'?: unknown }>>).flatMap(([rota, ops]) =>
    ops.get ? [{ rota, dadosPessoais: ops.get['x-dados-pessoais'] }] : [],
  );
}

async function entradas(): Promise<{ seq: string; acao: string; ator_id: string | null; processo_id: string | null; recurso_id: string | null; ocorrido_em: Date }[]> {
  // A read is answered once its entry is committed to the outbox; the chain's reader chains what is pending first.
  await encadearPendentes(sys.db);
  return sys.db.selectFrom('auditoria').select(['seq', 'acao', 'ator_id', 'processo_id', 'recurso_id', 'ocorrido_em']).orderBy('seq').execute();
}

describe('every GET operation of the OpenAPI document says whether it returns personal data', () => {
  it('declares x-dados-pessoais true or false on each', async () => {
    const gets = await getsDoDocumento();
    expect(gets.length).toBeGreaterThan(15);
    const semDeclarar = gets.filter((g) => typeof g.dadosPessoais !== 'boolean').map((g) => g.rota);
    expect(semDeclarar, 'GETs sem x-dados-pessoais').toEqual([]);
  });

  it('the routes that return personal data are exactly the known ones (the process, its timeline and rite, documents, uploaded files, accounts, audit, alerts, students)', async () => {
    const gets = await getsDoDocumento();
    const pessoais = gets.filter((g) => g.dadosPessoais === true).map((g) => g.rota);
    // The document route takes {id} and {id}.pdf through one path.
    expect(pessoais.sort()).toEqual(Object.keys(LEITURAS).filter((r) => !r.endsWith('.pdf')).sort());
  });

  it('a GET under /v1 that does not declare it stops the API at start-up', async () => {
    const app = await buildApp({ db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) });
    await expect(
      (async () => {
        app.get('/v1/esquecida', { config: { papeis: ['supervisor'] } }, async () => ({}));
        await app.ready();
      })(),
    ).rejects.toThrow(/não declara se devolve dados pessoais/);
    await app.close().catch(() => {});
  });
});

describe('reads of personal data are audited: one entry per request, with who, what and when', () => {
  it.each(Object.keys(LEITURAS))('GET %s', async (rota) => {
    const l = LEITURAS[rota]!;
    const antes = await entradas();
    const inicio = Date.now();
    const r = await sys.request('GET', l.url(), { as: l.como() ?? undefined, headers: l.cabecalhos?.() });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const novas = (await entradas()).slice(antes.length);
    expect(novas.map((e) => e.acao)).toEqual([l.acao]);
    expect(novas[0]!.ator_id).toBe(l.atorId?.() ?? l.como()!.id);
    expect(novas[0]!.ocorrido_em.getTime()).toBeGreaterThanOrEqual(inicio - 1000);
    if (rota.startsWith('/v1/processos/{id}')) expect(novas[0]!.processo_id).toBe(processoDoRito[rota.split('/').at(-1)!] ?? processo);
  });

  it('a listing of many rows writes one entry; a refused read (403, 404) writes none', async () => {
    const antes = (await entradas()).length;
    expect((await sys.request('GET', '/v1/usuarios?limite=200', { as: admin })).status).toBe(200);
    expect((await sys.request('GET', '/v1/usuarios', { as: rep })).status).toBe(403);
    expect((await sys.request('GET', '/v1/processos/nao-existe', { as: rep })).status).toBe(404);
    const novas = (await entradas()).slice(antes);
    expect(novas.map((e) => e.acao)).toEqual(['usuario.listar']);
  });

  it('reads that return no personal data are not audited', async () => {
    const antes = (await entradas()).length;
    for (const url of ['/v1/eu', '/v1/calendario/2026', '/v1/calendario/decretados', '/v1/prazos/vencendo?dias=10', '/health']) {
      expect((await sys.request('GET', url, { as: supervisor })).status, url).toBe(200);
    }
    expect((await entradas()).length).toBe(antes);
  });
});
