/**
 * End to end through the API, in real time: a vistoria process is driven into a
 * prazo (exigências da análise de forma, ciência by the representante), then a
 * supervisor decrees its last day a day without expediente through
 * /v1/calendario/decretados: the process's workflow re-times the prazo, and
 * GET /v1/processos/{id} shows the limit on the next business day. Removing
 * the day brings the limit back.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calcularPrazo } from '../../rules/prazos';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { checklistForma } from '../support/checklists';

const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
const RIO = '3304557';

let sys: TestSystem;
let representante: Conta;
let inspetor: Conta;
let supervisor: Conta;

beforeAll(async () => {
  sys = await startTestSystem();
  [representante, inspetor, supervisor] = await Promise.all([
    sys.conta({ nome: 'Maria Representante', papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: UNIDADE }),
    sys.conta({ nome: 'Sara Supervisora', papeis: ['supervisor'] }),
  ]);
});
afterAll(async () => {
  await sys?.stop();
});

async function ate<T>(f: () => Promise<T>, ok: (v: T) => boolean, rotulo: string, timeoutMs = 20_000): Promise<T> {
  const limite = Date.now() + timeoutMs;
  let v = await f();
  while (!ok(v)) {
    if (Date.now() > limite) throw new Error(`${rotulo}: condição não atingida; último valor ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 150));
    v = await f();
  }
  return v;
}

const instante = (s: string | null) => (s === null ? null : new Date(s).getTime());

/**
 * Waits until the process's workflow is back waiting on its prazo (Prazos.aguardar:
 * its latest timer event is the start of that wait's timer, and no workflow task is
 * pending; the update and the local activities' markers of the same task may be
 * recorded after the timer). A change signalled earlier
 * is applied too (the version read is compared, see workflows/prazos/prazo.ts);
 * waiting only makes each step's before/after unambiguous.
 */
async function esperarAguardandoPrazo(sys: TestSystem, id: string): Promise<void> {
  await ate(
    async () => {
      const eventos = (await sys.temporal.workflow.getHandle(id).fetchHistory()).events ?? [];
      const ultimoTimer = eventos.findLast((e) => e.timerStartedEventAttributes || e.timerFiredEventAttributes || e.timerCanceledEventAttributes);
      const fim = eventos.at(-1);
      return !!ultimoTimer?.timerStartedEventAttributes && !fim?.workflowTaskScheduledEventAttributes && !fim?.workflowTaskStartedEventAttributes;
    },
    (aguardando) => aguardando,
    'workflow aguardando o prazo',
  );
}

describe('dia decretado no último dia de um prazo em curso', () => {
  it('move prazo_limite do processo para o dia útil seguinte, e de volta ao remover', async () => {
    // 1. The representante opens the process.
    const aberto = await sys.request('POST', '/v1/processos', {
      as: representante,
      body: {
        tipo: 'apostilamento-endereco',
        instituicao: {
          cnpj: CNPJ,
          codigoInep: '33077001',
          nome: 'Colégio Exemplo',
          municipio: RIO,
          endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
        },
        unidade: UNIDADE,
        requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
      },
    });
    expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
    const id = aberto.body.id as string;
    const agir = async (acao: string, como: Conta, body: unknown) => {
      const r = await sys.request('POST', `/v1/processos/${id}/vistoria/${acao}`, { as: como, body, headers: { 'idempotency-key': `${acao}-${randomUUID()}` } });
      expect(r.status, `${acao}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body;
    };

    // 2. The COOIE autua and finds exigências of form: 10 dias improrrogáveis from the ciência.
    await agir('autuar', inspetor, { numeroSei: 'SEI-030001/016815/2026' });
    await agir('registrar-exigencias-forma', inspetor, {
      checklist: checklistForma('apostilamento-endereco'),
      exigencias: [
        {
          codigo: 'laudo-seguranca',
          descricao: 'Apresentar laudo técnico de segurança e acessibilidade do imóvel anexado',
          motivacao: 'O laudo apresentado não abrange o imóvel contíguo que se pretende anexar.',
          baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII',
          natureza: 'documental',
        },
      ],
    });
    // 3. The representante takes ciência: the prazo starts (the workflow opens it right after the ciência).
    await agir('tomar-ciencia', representante, {});

    const prazo = await ate(
      () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', id).executeTakeFirst(),
      (p) => p?.situacao === 'aberto',
      'prazo aberto no modelo de leitura',
    );
    expect(prazo).toMatchObject({ codigo: 'exigencias-forma', dias: 10, uteis: false, prorrogavel: false, uf: 'RJ', municipio: RIO, unidade: UNIDADE });
    const limiteOriginal = instante(prazo!.limite as unknown as string);
    const antes = await ate(
      () => sys.request('GET', `/v1/processos/${id}`, { as: representante }),
      (r) => instante(r.body.prazoLimite) === limiteOriginal,
      'prazoLimite do processo',
    );
    expect(antes.body.faseFonte).toBe('modelo-de-leitura');
    // The prazo the law gives, with no decreed day.
    expect(calcularPrazo({ ciencia: prazo!.ciencia, dias: 10, local: { uf: 'RJ', municipio: RIO, unidade: UNIDADE } }).limiteEpochMs).toBe(limiteOriginal);

    // What the law says the limit becomes once the last day has no expediente (computed, not read from the workflow).
    const local = { uf: 'RJ' as const, municipio: RIO, unidade: UNIDADE };
    const decretado = { data: prazo!.vencimento, escopo: 'unidade' as const, unidade: UNIDADE, motivo: 'Suspensão do expediente — mudança de sede', atoLegal: 'Portaria COOIE 12/2026' };
    const esperado = calcularPrazo({ ciencia: prazo!.ciencia, dias: 10, local, diasDecretados: [decretado] });
    expect(esperado.vencimento > prazo!.vencimento).toBe(true);

    await esperarAguardandoPrazo(sys, id);
    // 4. A supervisor decrees the last day a day without expediente, for the process's unit.
    const incluido = await sys.request('POST', '/v1/calendario/decretados', { as: supervisor, body: decretado });
    expect(incluido.status, JSON.stringify(incluido.body)).toBe(201);
    expect(incluido.body.processosNotificados).toBe(1);
    expect(incluido.body.processos).toEqual([id]);

    // 5. The workflow re-times its prazo: the process shows the next business day.
    const depois = await ate(
      () => sys.request('GET', `/v1/processos/${id}`, { as: representante }),
      (r) => instante(r.body.prazoLimite) === esperado.limiteEpochMs,
      'prazoLimite no dia útil seguinte',
    );
    expect(depois.body.faseFonte).toBe('modelo-de-leitura');
    const linha = await ate(
      () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', id).executeTakeFirstOrThrow(),
      (p) => p.vencimento === esperado.vencimento,
      'vencimento no modelo de leitura',
    );
    expect(instante(linha.limite as unknown as string)).toBe(esperado.limiteEpochMs);
    // The process's own row follows with the workflow's next snapshot (prazo_limite is written once per change, by it).
    await ate(
      () => sys.db.selectFrom('processo').select('prazo_limite').where('id', '=', id).executeTakeFirstOrThrow(),
      (p) => instante(p.prazo_limite as unknown as string) === esperado.limiteEpochMs,
      'prazo_limite do processo no modelo de leitura',
    );
    // The timeline says why (the event is written right after the read model).
    await ate(
      async () => (await sys.db.selectFrom('processo_evento').select('descricao').where('processo_id', '=', id).where('tipo', '=', 'prazo').execute()).map((e) => e.descricao),
      (d) => d.some((x) => x.startsWith(`Calendário alterado: ${prazo!.vencimento} incluído como dia sem expediente (Suspensão do expediente — mudança de sede`)),
      'evento na linha do tempo',
    );

    // 6. Removing the day brings the limit back.
    await esperarAguardandoPrazo(sys, id);
    const removido = await sys.request('DELETE', `/v1/calendario/decretados/${incluido.body.diaDecretado.id}`, { as: supervisor });
    expect(removido.status).toBe(200);
    expect(removido.body.processos).toEqual([id]);
    await ate(
      () => sys.request('GET', `/v1/processos/${id}`, { as: representante }),
      (r) => instante(r.body.prazoLimite) === limiteOriginal,
      'prazoLimite de volta ao vencimento original',
    );
  });
});
