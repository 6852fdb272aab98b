/**
 * What users see (issue 10), through the API on a real worker:
 *
 * - the representante's view of a vistoria (the rite's state, the timeline, the
 *   process) names the Comissão but shows neither the servidores' accounts
 *   (usuarioId) nor their matrículas, which the units still see;
 * - every instant in every response is Brasília time with its offset
 *   (`…-03:00`), never UTC (`…T02:59:59Z` reads as the next day): a walk over
 *   the GET routes of every area, as the users who read them, finds no instant
 *   in UTC; tasks and due prazos end on 23:59:59 of their last day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designarComissaoPelaApi, agirNaVistoria, type MembroComissao } from '../support/comissao';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { checklistForma } from '../support/checklists';

const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
const endereco = { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' };

let sys: TestSystem;
let rl: Conta, inspetor: Conta, coogie: Conta, supervisor: Conta, admin: Conta;
let membros: (Conta & { matricula: string })[];
let comissao: MembroComissao[];
let comComissao: string;
let comPrazo: string;

async function abrir(inep: string): Promise<string> {
  const r = await sys.request('POST', '/v1/processos', {
    as: rl,
    body: {
      tipo: 'entrada-suplementar',
      instituicao: { cnpj: CNPJ, codigoInep: inep, nome: 'Colégio Exemplo', endereco },
      unidade: UNIDADE,
      requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

beforeAll(async () => {
  sys = await startTestSystem();
  [rl, inspetor, coogie, supervisor, admin] = await Promise.all([
    sys.conta({ nome: 'Maria Representante', papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: UNIDADE }),
    sys.conta({ nome: 'Bruno COOGIE', papeis: ['coogie'] }),
    sys.conta({ nome: 'Carla Supervisora', papeis: ['supervisor'] }),
    sys.conta({ nome: 'Admin', papeis: ['administrador'] }),
  ]);
  membros = await Promise.all(
    ['Renata Campos', 'Sérgio Nunes', 'Tatiana Rocha'].map(async (nome, i) => ({
      ...(await sys.conta({ nome, papeis: ['comissao'], unidade: UNIDADE })),
      matricula: `MAT-${904_411 + i}-X`,
    })),
  );
  comissao = membros.map((m) => ({ nome: m.nome, matricula: m.matricula, usuarioId: m.id }));

  comComissao = await abrir('33100101');
  await designarComissaoPelaApi(sys, comComissao, inspetor, 'SEI-030001/020101/2026', comissao);

  // A second process with an open prazo: exigências de forma, their notice opened by the RL (the ciência).
  comPrazo = await abrir('33100102');
  expect((await agirNaVistoria(sys, comPrazo, 'autuar', inspetor, { numeroSei: 'SEI-030001/020102/2026' })).status).toBe(200);
  const exig = await agirNaVistoria(sys, comPrazo, 'registrar-exigencias-forma', inspetor, {
    checklist: checklistForma('entrada-suplementar'),
    exigencias: [{ codigo: 'laudo', descricao: 'Apresentar laudo', motivacao: 'Laudo ausente.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22' }],
  });
  expect(exig.status, JSON.stringify(exig.body)).toBe(200);
  for (const d of exig.body.documentos as { id: string }[]) expect((await sys.request('GET', `/v1/documentos/${d.id}`, { as: rl })).status).toBe(200);
  const estado = await sys.request('GET', `/v1/processos/${comPrazo}/vistoria`, { as: inspetor });
  expect(estado.body.prazo, 'a abertura da notificação pelo RL deveria iniciar o prazo').not.toBeNull();
  await sys.chave({ papeis: ['supervisor'] });
}, 240_000);

afterAll(async () => {
  await sys?.stop();
});

describe("the representante's view does not show the servidores' accounts or matrículas", () => {
  const internos = () => [...membros.map((m) => m.id), ...membros.map((m) => m.matricula)];

  it("GET /v1/processos/{id}/vistoria: the Comissão by name only for the RL; whole for the units and the Comissão itself", async () => {
    const doRl = await sys.request('GET', `/v1/processos/${comComissao}/vistoria`, { as: rl });
    expect(doRl.status).toBe(200);
    expect(doRl.body.comissao).toEqual(membros.map((m) => ({ nome: m.nome })));
    const texto = JSON.stringify(doRl.body);
    for (const x of internos()) expect(texto, x).not.toContain(x);
    expect(texto).not.toContain('usuarioId');
    expect(texto).not.toContain('matricula');

    for (const quem of [inspetor, coogie, membros[0]!]) {
      const r = await sys.request('GET', `/v1/processos/${comComissao}/vistoria`, { as: quem });
      expect(r.status).toBe(200);
      expect(r.body.comissao).toEqual(comissao);
    }
  });

  it("the RL's timeline and process carry the names, not the accounts or matrículas; the inspetor's timeline keeps them", async () => {
    const linha = await sys.request('GET', `/v1/processos/${comComissao}/linha-do-tempo`, { as: rl });
    expect(linha.status).toBe(200);
    const texto = JSON.stringify(linha.body);
    for (const m of membros) expect(texto).toContain(m.nome);
    for (const x of internos()) expect(texto, x).not.toContain(x);
    const processo = JSON.stringify((await sys.request('GET', `/v1/processos/${comComissao}`, { as: rl })).body);
    for (const x of internos()) expect(processo, x).not.toContain(x);

    const doInspetor = JSON.stringify((await sys.request('GET', `/v1/processos/${comComissao}/linha-do-tempo`, { as: inspetor })).body);
    for (const x of internos()) expect(doInspetor, x).toContain(x);
  });
});

/** Every string value of a JSON body, with its path. */
function strings(v: unknown, caminho = '$'): [string, string][] {
  if (typeof v === 'string') return [[caminho, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${caminho}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, `${caminho}.${k}`));
  return [];
}
const INSTANTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

describe('every instant in every response is Brasília time with its offset', () => {
  it('no GET answers an instant in UTC', async () => {
    const leituras: [string, Conta][] = [
      ['/v1/eu', rl],
      ['/v1/processos', rl],
      [`/v1/processos/${comComissao}`, rl],
      [`/v1/processos/${comComissao}/vistoria`, rl],
      [`/v1/processos/${comComissao}/linha-do-tempo`, rl],
      [`/v1/processos/${comPrazo}`, rl],
      [`/v1/processos/${comPrazo}/vistoria`, rl],
      [`/v1/processos/${comPrazo}/linha-do-tempo`, inspetor],
      ['/v1/tarefas', inspetor],
      ['/v1/tarefas', supervisor],
      ['/v1/prazos/vencendo?dias=60', inspetor],
      ['/v1/prazos/vencendo?dias=60', supervisor],
      ['/v1/auditoria?limite=500', supervisor],
      ['/v1/alertas', supervisor],
      ['/v1/calendario/decretados', supervisor],
      ['/v1/usuarios?limite=200', admin],
      [`/v1/usuarios/${rl.id}`, admin],
      ['/v1/chaves-api', admin],
    ];
    const emUtc: string[] = [];
    let emBrasilia = 0;
    for (const [url, como] of leituras) {
      const r = await sys.request('GET', url, { as: como });
      expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(200);
      for (const [caminho, s] of strings(r.body)) {
        if (!INSTANTE.test(s)) continue;
        if (s.endsWith('-03:00')) emBrasilia++;
        else emUtc.push(`${url} ${caminho} = ${s}`);
      }
    }
    expect(emUtc, 'instantes fora do horário de Brasília').toEqual([]);
    expect(emBrasilia).toBeGreaterThan(30);
  });

  it('tasks and due prazos: agora and limite in Brasília time, a limit on 23:59:59 of its day', async () => {
    const tarefas = await sys.request('GET', '/v1/tarefas', { as: inspetor });
    expect(tarefas.body.agora).toMatch(/-03:00$/);
    expect(Math.abs(Date.parse(tarefas.body.agora) - Date.now())).toBeLessThan(60_000);
    expect(tarefas.body.itens.length).toBeGreaterThan(0);
    for (const t of tarefas.body.itens) expect(t.limite).toMatch(/T23:59:59(\.\d+)?-03:00$/);

    const vencendo = await sys.request('GET', '/v1/prazos/vencendo?dias=60', { as: inspetor });
    const item = vencendo.body.itens.find((i: { processo: { id: string } }) => i.processo.id === comPrazo);
    expect(item, JSON.stringify(vencendo.body)).toBeDefined();
    expect(item.prazo.limite).toMatch(/T23:59:59-03:00$/);
    expect(item.prazo.limite.slice(0, 10)).toBe(item.prazo.vencimento);

    const sessao = await sys.entrar(rl.email, rl.senha);
    expect(sessao.resposta.body.expiraEm).toMatch(/-03:00$/);
  });
});
