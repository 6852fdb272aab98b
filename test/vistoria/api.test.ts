/**
 * The API's own checks around the vistoria rite, before anything reaches the
 * workflow: the Idempotency-Key, the SEI number, files and Comissão accounts
 * that must exist; and the workflow's refusals answered as 409 in pt-BR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { checklistForma } from '../support/checklists';

const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
const endereco = { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' };

let sys: TestSystem;
let representante: Conta;
let inspetor: Conta;
let semPerfil: Conta;

beforeAll(async () => {
  sys = await startTestSystem();
  [representante, inspetor, semPerfil] = await Promise.all([
    sys.conta({ nome: 'Maria Representante', papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: UNIDADE }),
    sys.conta({ nome: 'Pedro Inspetor', papeis: ['inspetor'], unidade: UNIDADE }),
  ]);
});
afterAll(async () => {
  await sys?.stop();
});

let n = 0;
async function abrir(inep: string): Promise<string> {
  const r = await sys.request('POST', '/v1/processos', {
    as: representante,
    body: {
      tipo: 'entrada-suplementar',
      instituicao: { cnpj: CNPJ, codigoInep: inep, nome: 'Colégio Exemplo', endereco },
      unidade: UNIDADE,
      requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
    },
  });
  expect(r.status).toBe(201);
  return r.body.id;
}
const agir = (id: string, acao: string, como: Conta, body: unknown, chave: string | null = `chave-${++n}-${Date.now()}`) =>
  sys.request('POST', `/v1/processos/${id}/vistoria/${acao}`, { as: como, body, headers: chave ? { 'idempotency-key': chave } : {} });

describe('ações do rito de vistoria pela API', () => {
  it('takes the representante opening the notice as the ciência, once, with the instant of the opening', async () => {
    // The ofício says: "Considera-se feita a ciência na data em que esta comunicação for aberta no sistema".
    const id = await abrir('33100010');
    expect((await agir(id, 'autuar', inspetor, { numeroSei: 'SEI-030001/020010/2026' })).status).toBe(200);
    const r = await agir(id, 'registrar-exigencias-forma', inspetor, {
      checklist: checklistForma('entrada-suplementar'),
      exigencias: [{ codigo: 'laudo', descricao: 'Apresentar laudo', motivacao: 'Laudo ausente.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22' }],
    });
    const notificacao = r.body.documentos.find((d: { tipo: string }) => d.tipo === 'notificacao-exigencias');
    expect(notificacao).toBeDefined();
    const estado = async () => (await sys.request('GET', `/v1/processos/${id}/vistoria`, { as: inspetor })).body;

    // Read by the unit: nothing changes.
    expect((await sys.request('GET', `/v1/documentos/${notificacao.id}`, { as: inspetor })).status).toBe(200);
    expect((await estado()).notificacao).toMatchObject({ abertaEm: null, ciencia: null });

    const antes = Date.now();
    expect((await sys.request('GET', `/v1/documentos/${notificacao.id}`, { as: representante })).status).toBe(200);
    const depois = await estado();
    expect(Date.parse(depois.notificacao.abertaEm)).toBeGreaterThanOrEqual(antes - 1000);
    expect(depois.notificacao.ciencia).not.toBeNull();
    expect(depois.prazo).not.toBeNull();
    // Opening it again records nothing more.
    expect((await sys.request('GET', `/v1/documentos/${notificacao.id}`, { as: representante })).status).toBe(200);
    const eventos = await sys.db.selectFrom('processo_evento').select('tipo').where('processo_id', '=', id).where('tipo', '=', 'ciencia-explicita').execute();
    expect(eventos).toHaveLength(1);
    const auditoria = await sys.db.selectFrom('auditoria').select('resumo').where('acao', '=', 'vistoria.tomar-ciencia').where('processo_id', '=', id).execute();
    expect(auditoria.map((a) => a.resumo)).toEqual([expect.stringContaining('Ciência pela abertura')]);
  });

  it('refuses with 422 an Idempotency-Key reused for another act, changing nothing', async () => {
    const id = await abrir('33100009');
    expect((await agir(id, 'autuar', inspetor, { numeroSei: 'SEI-030001/020009/2026' }, 'chave-reusada-api')).status).toBe(200);
    const outra = await agir(id, 'registrar-exigencias-forma', inspetor, {
      checklist: checklistForma('entrada-suplementar'),
      exigencias: [{ codigo: 'laudo', descricao: 'Apresentar laudo', motivacao: 'Laudo ausente.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22' }],
    }, 'chave-reusada-api');
    expect(outra.status).toBe(422);
    expect(outra.body.erro).toMatchObject({ codigo: 'chave-reutilizada', mensagem: expect.stringContaining('Idempotency-Key já foi usada') });
    expect((await sys.request('GET', `/v1/processos/${id}`, { as: inspetor })).body.fase).toBe('analise-forma');
  });

  it('requires an Idempotency-Key and answers a retried key with the same result', async () => {
    const id = await abrir('33100001');
    const sem = await agir(id, 'autuar', inspetor, { numeroSei: 'SEI-030001/020001/2026' }, null);
    expect(sem.status).toBe(400);
    expect(sem.body.erro.campos[0].campo).toBe('headers.idempotency-key');
    const a = await agir(id, 'autuar', inspetor, { numeroSei: 'SEI-030001/020001/2026' }, 'autuar-processo-1');
    const b = await agir(id, 'autuar', inspetor, { numeroSei: 'SEI-030001/020001/2026' }, 'autuar-processo-1');
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(a.body).toMatchObject({ fase: 'analise-forma', faseRotulo: 'Análise de forma (checklist documental)' });
    // Each accepted request is in the audit trail, named by the action, with the process and the key.
    const auditoria = await sys.db.selectFrom('auditoria').selectAll().where('acao', '=', 'vistoria.autuar').where('processo_id', '=', id).execute();
    expect(auditoria.length).toBeGreaterThanOrEqual(1);
    expect(auditoria[0]).toMatchObject({ ator_id: inspetor.id, resumo: expect.stringMatching(/^Autuar o processo SEI — fase: Análise de forma/) });
  });

  it('refuses a SEI number that already identifies another process', async () => {
    const id = await abrir('33100002');
    const r = await agir(id, 'autuar', inspetor, { numeroSei: 'SEI-030001/020001/2026' });
    expect(r.status).toBe(409);
    expect(r.body.erro).toMatchObject({ codigo: 'numero-sei-em-uso' });
  });

  it('serves each kind\'s checklist for the forms of the análise de forma and of the Termo, and refuses an unknown kind in Portuguese', async () => {
    const r = await sys.request('GET', '/v1/checklists/entrada-suplementar', { as: inspetor });
    expect(r.status).toBe(200);
    expect(r.body.tipo).toBe('entrada-suplementar');
    expect(r.body.documentos.length).toBeGreaterThan(0);
    expect(r.body.visita.length).toBeGreaterThan(0);
    // What the análise de forma must record: the same codes the rite checks (test/support/checklists.ts builds from the rule's data).
    expect(r.body.documentos.map((i: { codigo: string }) => i.codigo)).toEqual(checklistForma('entrada-suplementar').map((i) => i.codigo));
    const ruim = await sys.request('GET', '/v1/checklists/reforma', { as: inspetor });
    expect(ruim.status).toBe(400);
    expect(JSON.stringify(ruim.body)).toMatch(/tipo de vistoria inválido/);
  });

  it('answers what the rite refuses with 409 and its reason in Portuguese', async () => {
    const id = await abrir('33100003');
    const r = await agir(id, 'aprovar-forma', inspetor, { checklist: checklistForma('entrada-suplementar') });
    expect(r.status).toBe(409);
    expect(r.body.erro.codigo).toBe('acao-recusada');
    expect(r.body.erro.mensagem).toMatch(/não é admitida na fase "Requerimento Inicial recebido"/);
  });

  it('refuses files not uploaded to the process and Comissão members without the role', async () => {
    const id = await abrir('33100004');
    await agir(id, 'autuar', inspetor, { numeroSei: 'SEI-030001/020004/2026' });
    const exigencia = { codigo: 'laudo', descricao: 'Apresentar laudo', motivacao: 'O laudo não abrange o imóvel anexado.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII' };
    expect((await agir(id, 'registrar-exigencias-forma', inspetor, { checklist: checklistForma('entrada-suplementar'), exigencias: [exigencia] })).status).toBe(200);
    const arquivo = await agir(id, 'cumprir-exigencias', representante, { resposta: 'Segue o laudo.', arquivos: ['00000000-0000-4000-8000-000000000000'] });
    expect(arquivo.status).toBe(400);
    expect(arquivo.body.erro.campos).toEqual([{ campo: 'arquivos.0', mensagem: expect.stringMatching(/não encontrado neste processo/) }]);

    const outro = await abrir('33100005');
    await agir(outro, 'autuar', inspetor, { numeroSei: 'SEI-030001/020005/2026' });
    await agir(outro, 'aprovar-forma', inspetor, { checklist: checklistForma('entrada-suplementar') });
    const comissao = [
      { nome: 'Pedro Inspetor', matricula: '1', usuarioId: semPerfil.id },
      { nome: 'Fulano', matricula: '2', usuarioId: 'nao-existe' },
      { nome: 'Beltrano', matricula: '3', usuarioId: 'nao-existe-2' },
    ];
    const os = await agir(outro, 'publicar-ordem-servico', inspetor, { comissao });
    expect(os.status).toBe(400);
    expect(os.body.erro.campos.map((c: { campo: string }) => c.campo)).toEqual(['comissao.0.usuarioId', 'comissao.1.usuarioId', 'comissao.2.usuarioId']);
  });
});
