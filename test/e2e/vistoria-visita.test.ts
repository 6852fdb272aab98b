/**
 * One process from requerimento to edital-publicado through the public API, as
 * a representante, an inspetor, a Comissão and the COOGIE, each logged in with
 * a session (cookie and CSRF token). The API runs against the time-skipping
 * server with its clock (ApiDeps.relogio) set to the server's, so that the visit
 * (at least 5 days after its notice) and its Termo happen in one test run; real
 * time allows only up to the scheduled visit (test/e2e/vistoria-edital.test.ts).
 * Real activities on PostgreSQL; the timeline, the documents as HTML and PDF, the
 * process and the tasks are read back through the API.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { criarRepresentacao, criarUsuario } from '../../api/contas/service';
import { diaCivilBrasilia, formatarData } from '../../rules/calendario';
import { dataPorExtenso } from '../../rules/datas/extenso';
import { dataMinimaVisita } from '../../rules/prazos';
import type { processoWorkflow } from '../../workflows/processo/workflow';
import { type AtorAcao, estadoVistoriaQuery, type PedidoAcao, type ResultadoAcao } from '../../workflows/vistoria/definitions';
import { cookieDaResposta, type Credencial } from '../support/system';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { ate, baixar, numerosPorSerie } from './http';
import { checklistForma, verificacoesDaVisita } from '../support/checklists';

const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
// The unit's sigla as data (table unidade): its documents are numbered under it.
const SIGLA = 'COOIE-METROPOLITANAI';
const RIO = '3304557';
const NUMERO_SEI = 'SEI-030001/018001/2026';
const SENHA = `senha-de-teste-${randomUUID()}`;
const endereco = { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' };

let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
const atores: Record<'representante' | 'inspetor' | 'coogie' | 'supervisor' | 'membro1' | 'membro2' | 'membro3', AtorAcao & { email: string }> = {} as never;
const sessoes: Record<string, Credencial> = {};
let handle: WorkflowHandle<typeof processoWorkflow>;
let id: string;

async function get(path: string, como: keyof typeof atores) {
  const res = await fetch(baseUrl + path, { headers: { cookie: `rito_sessao=${sessoes[como]!.cookie}` } });
  return { status: res.status, body: (await res.json()) as any };
}

async function conta(chave: keyof typeof atores, nome: string, papeis: string[], unidade: string | null): Promise<void> {
  const email = `${chave}.${randomUUID().slice(0, 6)}@rito.test`;
  const u = await criarUsuario(w.db, { nome, email, papeis: papeis as never, unidade, senha: SENHA }, 'teste');
  atores[chave] = { id: u.id, nome, papeis, email };
}

async function post(path: string, como: keyof typeof atores, body: unknown, headers: Record<string, string> = {}) {
  const s = sessoes[como]!;
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `rito_sessao=${s.cookie}`, 'x-csrf-token': s.csrf!, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** An action of the rite through its route, as the given account. */
async function agir(acao: PedidoAcao['acao'], como: keyof typeof atores, dados: unknown = {}): Promise<ResultadoAcao> {
  const r = await post(`/v1/processos/${id}/vistoria/${acao}`, como, dados, { 'idempotency-key': `${acao}-${randomUUID()}` });
  expect(r.status, `${acao}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

/** Civil date (Brasília) of the server's clock. */
const hojeNoServidor = async () => formatarData(diaCivilBrasilia(Date.parse(await w.agora())));

beforeAll(async () => {
  w = await startWorkflowEnv();
  await conta('representante', 'Maria Representante', ['representante'], null);
  await conta('inspetor', 'Ana Inspetora', ['inspetor'], UNIDADE);
  await conta('coogie', 'Célia COOGIE', ['coogie'], null);
  await conta('supervisor', 'Sara Supervisora', ['supervisor'], null);
  await conta('membro1', 'Bruno Servidor', ['comissao'], UNIDADE);
  await conta('membro2', 'Carla Servidora', ['comissao'], UNIDADE);
  await conta('membro3', 'Diego Servidor', ['comissao'], UNIDADE);
  await criarRepresentacao(
    w.db,
    { usuarioId: atores.representante.id, cnpj: CNPJ, nome: 'Colégio Exemplo', tipo: 'representante-legal', inicio: new Date(Date.now() - 365 * 86_400_000), fim: null, documento: null },
    'teste',
  );
  app = await buildApp({ db: w.db, temporal: w.env.client, taskQueue: w.taskQueue, autenticador: createAutenticador(w.db), relogio: () => w.env.currentTimeMs() });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  for (const chave of Object.keys(atores) as (keyof typeof atores)[]) {
    const res = await fetch(`${baseUrl}/v1/sessoes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: atores[chave].email, senha: SENHA }) });
    expect(res.status).toBe(201);
    sessoes[chave] = { cookie: cookieDaResposta(res.headers), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
}, 180_000);

afterAll(async () => {
  await app?.close();
  await w?.stop();
});

describe('a visita, o Pronunciamento e o edital, no servidor de tempo acelerado', () => {
  it('leva um processo do requerimento ao edital publicado', async () => {
    const aberto = await post('/v1/processos', 'representante', {
      tipo: 'apostilamento-endereco',
      instituicao: { cnpj: CNPJ, codigoInep: '33077555', nome: 'Colégio Exemplo', municipio: RIO, endereco, mantenedora: 'Sociedade Educacional Exemplo Ltda.' },
      unidade: UNIDADE,
      requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
    });
    expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
    id = aberto.body.id;
    handle = w.env.client.workflow.getHandle(id) as WorkflowHandle<typeof processoWorkflow>;

    await agir('autuar', 'inspetor', { numeroSei: NUMERO_SEI });
    await agir('registrar-exigencias-forma', 'inspetor', {
      checklist: checklistForma('apostilamento-endereco'),
      exigencias: [
        {
          codigo: 'laudo-seguranca',
          descricao: 'Apresentar laudo técnico de segurança e acessibilidade do imóvel anexado',
          motivacao: 'O laudo apresentado não abrange o imóvel contíguo que se pretende anexar.',
          baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII',
        },
      ],
    });
    await agir('tomar-ciencia', 'representante', {});
    // At once, while the workflow is still recording the prazo the ciência opened: the prazo must
    // still be closed as met (before the fix in RitoVistoria.conduzir, the workflow task failed here).
    await agir('cumprir-exigencias', 'representante', { resposta: 'Segue o laudo técnico abrangendo o imóvel anexado.', arquivos: [] });
    await agir('aprovar-forma', 'inspetor', { checklist: checklistForma('apostilamento-endereco') });
    const membros = (['membro1', 'membro2', 'membro3'] as const).map((m, i) => ({ nome: atores[m].nome, matricula: `100${i + 1}`, usuarioId: atores[m].id }));
    await agir('publicar-ordem-servico', 'inspetor', { comissao: membros, publicacao: { data: await hojeNoServidor(), pagina: 14 } });

    const visita = dataMinimaVisita({ aviso: await w.agora(), local: { uf: 'RJ', municipio: RIO, unidade: UNIDADE } }).data;
    const agendada = await agir('agendar-visita', 'membro1', { data: visita, hora: '09:00' });
    expect(agendada.fase).toBe('visita-agendada');

    // The day of the visit: the Comissão records the Termo (no exigências), then the Pronunciamento.
    await w.saltarAte(`${visita}T14:00:00-03:00`);
    const termo = await agir('concluir-visita-sem-exigencias', 'membro2', {
      termoVisita: {
        realizadaEm: visita,
        horaInicio: '09:00',
        horaFim: '11:30',
        representante: { nome: 'Maria Representante', qualidade: 'representante-legal' },
        verificacoes: verificacoesDaVisita('apostilamento-endereco'),
      },
    });
    expect(termo.fase).toBe('pronunciamento');
    const deferido = await agir('deferir', 'membro1', { fundamentacao: 'Atendidos todos os requisitos documentais e físicos, conforme Deliberação CEE nº 388/2020.' });
    expect(deferido.fase).toBe('encaminhado-coogie');

    // The COOGIE owes the edital: a task in its list.
    const tarefas = await ate(
      () => get('/v1/tarefas?responsavel=coogie', 'coogie'),
      (r) => r.body.itens.some((t: { processo: { id: string } }) => t.processo.id === id),
      'tarefa da COOGIE',
    );
    expect(tarefas.body.itens.find((t: { processo: { id: string } }) => t.processo.id === id)).toMatchObject({ processo: { fase: 'encaminhado-coogie' }, atrasada: false });

    const edital = await agir('publicar-edital', 'coogie', {
      publicacao: { data: await hojeNoServidor(), pagina: 9 },
      objeto: { tipoVistoria: 'apostilamento-endereco', enderecoApostilado: { ...endereco, logradouro: 'Rua São Clemente, 102' } },
    });
    expect(edital.fase).toBe('edital-publicado');
    expect(edital.documentos.map((d) => d.identificacao)).toEqual([expect.stringMatching(/^Edital nº 1\/\d{4}\/COOGIE$/)]);

    const processo = await ate(
      () => get(`/v1/processos/${id}`, 'representante'),
      (r) => r.body.encerrado === true,
      'processo encerrado',
    );
    expect(processo.body).toMatchObject({ fase: 'edital-publicado', numeroSei: NUMERO_SEI, encerrado: true });
    expect((await handle.query(estadoVistoriaQuery)).edital).toMatchObject({ pagina: 9 });
  });

  it('a linha do tempo pela API: cada ato com seu autor, os seis documentos e o prazo cumprido', async () => {
    const linha = await ate(
      () => get(`/v1/processos/${id}/linha-do-tempo`, 'representante'),
      (r) => r.body.processo?.fase === 'edital-publicado',
      'linha do tempo final',
    );
    expect(linha.status).toBe(200);
    const atos = linha.body.eventos.filter((e: { tipo: string }) => e.tipo !== 'prazo').map((e: { tipo: string; ator: { nome: string } }) => `${e.tipo}: ${e.ator.nome}`);
    expect(atos).toEqual([
      'abertura: Maria Representante',
      'autuar: Ana Inspetora',
      'registrar-exigencias-forma: Ana Inspetora',
      'ciencia-explicita: Maria Representante',
      'cumprir-exigencias: Maria Representante',
      'aprovar-forma: Ana Inspetora',
      'publicar-ordem-servico: Ana Inspetora',
      'agendar-visita: Bruno Servidor',
      'concluir-visita-sem-exigencias: Carla Servidora',
      'deferir: Bruno Servidor',
      'publicar-edital: Célia COOGIE',
    ]);
    expect(linha.body.documentos.map((d: { tipo: string }) => d.tipo)).toEqual([
      'notificacao-exigencias',
      'ordem-servico',
      'agendamento-visita',
      'termo-visita',
      'pronunciamento',
      'edital-cadastramento',
    ]);
    expect(linha.body.prazos.map((p: { codigo: string; situacao: string }) => `${p.codigo}: ${p.situacao}`)).toEqual(['exigencias-forma: cumprido']);
  });

  it('cada documento em HTML e PDF, numerado em sequência por unidade, com o número SEI e a data por extenso', async () => {
    const linha = (await get(`/v1/processos/${id}/linha-do-tempo`, 'supervisor')).body;
    const series = numerosPorSerie(linha.documentos.map((d: { identificacao: string }) => d.identificacao));
    // Every series starts at 1 and runs without a gap; the COOIE's ofícios share one series.
    for (const [serie, numeros] of Object.entries(series)) expect(numeros, serie).toEqual(numeros.map((_, i) => i + 1));
    expect(Object.keys(series).map((s) => s.replace(/ \d{4} /, ' ')).sort()).toEqual([
      'COOGIE Edital',
      `${SIGLA} Ofício`,
      `${SIGLA} Ordem de Serviço`,
      `${SIGLA} Pronunciamento`,
      `${SIGLA} Termo de Visita`,
    ]);
    const visita = (await handle.query(estadoVistoriaQuery)).visita!.data;
    for (const doc of linha.documentos as { tipo: string; identificacao: string; emitidoEm: string; links: { html: string; pdf: string } }[]) {
      const html = await baixar(baseUrl, doc.links.html, sessoes.representante!);
      expect(html.status, doc.identificacao).toBe(200);
      const texto = html.corpo.toString('utf8');
      expect(texto).toContain(doc.identificacao);
      expect(texto).toContain(NUMERO_SEI);
      expect(texto).toContain(`Rio de Janeiro, ${dataPorExtenso(formatarData(diaCivilBrasilia(Date.parse(doc.emitidoEm))))}.`);
      if (doc.tipo === 'agendamento-visita' || doc.tipo === 'termo-visita') expect(texto, doc.tipo).toContain(dataPorExtenso(visita));
      const pdf = await baixar(baseUrl, doc.links.pdf, sessoes.representante!);
      expect(pdf.status, doc.identificacao).toBe(200);
      expect(pdf.corpo.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 120_000);
});
