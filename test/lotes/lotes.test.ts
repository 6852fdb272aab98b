/**
 * The batch API (seed 001, MEC Gestão Presente) through HTTP, the worker and
 * PostgreSQL: lotes of estudantes, matrículas, movements and frequências with
 * good and bad records, the same lote twice, CSV and JSON alike, a homologação
 * key, the keys' networks and addresses, and the audited reads in scope.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import { criarChaveApi } from '../../api/auth/chaves';
import { inserirPedidoHabilitacao, salvarUnidadeEnsino } from '../../db/habilitacoes';
import { mascararCpf } from '../../rules/identificadores';
import { eventually } from '../support/eventualmente';
import { type Conta, type Credencial, startTestSystem, type TestSystem } from '../support/system';
import { novoCpf } from '../habilitacao/apoio';
import { randomUUID } from 'node:crypto';

const RIO = '3304557';
/** Schools of this file only (random INEPs): A and B of the state network of RJ, C of Rio's municipal network. */
const base = 30_000_000 + Math.floor(Math.random() * 900_000) * 10;
const A = String(base + 1);
const B = String(base + 2);
const C = String(base + 3);
const DESCONHECIDA = String(base + 9);

let sys: TestSystem;
let estadual: Credencial & { id: string };
let homologacao: Credencial & { id: string };
let municipalC: Credencial & { id: string };
let operadorA: Conta;
let operadorB: Conta;
const [S1, S2, S3, S4] = [novoCpf(), novoCpf(), novoCpf(), novoCpf()];
/** A CPF whose check digits do not match. */
const CPF_RUIM = S1.slice(0, 9) + String((Number(S1.slice(9)) + 1) % 100).padStart(2, '0');

async function chave(nome: string, rede: string, extra: { ambiente?: 'homologacao' | 'producao'; ipsPermitidos?: string[] } = {}) {
  const c = await criarChaveApi(sys.db, { nome, papeis: ['sistema'], unidade: null, instituicoes: [], expiraEm: null, rede, ...extra }, 'teste');
  return { chave: c.chave, id: c.id };
}

async function operador(codigoInep: string): Promise<Conta> {
  const conta = await sys.conta({ papeis: ['operador-escolar'] });
  const id = randomUUID();
  await inserirPedidoHabilitacao(sys.db, {
    id,
    perfil: 'operador-escolar',
    usuarioId: conta.id,
    nome: conta.nome,
    cpf: novoCpf(),
    email: conta.email,
    telefone: null,
    cargo: null,
    uf: 'RJ',
    municipio: RIO,
    codigoInep,
    lugar: codigoInep,
    protocoladoEm: new Date().toISOString(),
    documentos: [],
    termo: null,
  });
  await sys.db.updateTable('habilitacao').set({ situacao: 'ativo', fase: 'habilitado' }).where('id', '=', id).execute();
  return conta;
}

/** Sends a lote and waits for the worker to finish it; returns the lote's status and its errors. */
async function enviar(caminho: string, como: Credencial, corpo: unknown, metodo = 'POST', csv = false) {
  const r = await fetch(`${sys.baseUrl}${caminho}`, {
    method: metodo,
    headers: { authorization: `Bearer ${como.chave}`, 'content-type': csv ? 'text/csv' : 'application/json' },
    body: csv ? (corpo as string) : JSON.stringify(corpo),
  });
  const recebido = (await r.json()) as any;
  expect(r.status, JSON.stringify(recebido)).toBe(202);
  const lote = await eventually(async () => {
    const s = await sys.request('GET', `${caminho}/${recebido.id}`, { as: como });
    return ['concluido', 'concluido-com-erros', 'falhou'].includes(s.body.status) ? s.body : undefined;
  }, 30_000);
  const erros = (await sys.request('GET', `${caminho}/${recebido.id}/erros`, { as: como })).body;
  return { recebido, lote, erros: erros.itens as { posicao: number; campo: string; codigo: string; mensagem: string }[] };
}

const estudanteId = async (cpf: string) => (await sys.db.selectFrom('estudante').select('id').where('cpf', '=', cpf).executeTakeFirst())?.id;

beforeAll(async () => {
  sys = await startTestSystem();
  for (const [inep, dependencia] of [[A, 'estadual'], [B, 'estadual'], [C, 'municipal']] as const) {
    await salvarUnidadeEnsino(sys.db, { codigoInep: inep, nome: `Escola ${inep}`, uf: 'RJ', municipio: RIO, dependencia, fonte: 'teste', por: 'teste' });
  }
  estadual = await chave('SEEDUC-RJ produção', 'estadual:RJ');
  homologacao = await chave('SEEDUC-RJ homologação', 'estadual:RJ', { ambiente: 'homologacao' });
  municipalC = await chave('Escola C', `escola:${C}`);
  [operadorA, operadorB] = [await operador(A), await operador(B)];

  // The students and their matrículas, through the lotes themselves.
  const est = await enviar('/v1/estudantes/lote', estadual, [
    { cpf: S1, nome: 'Ana Souza', dataNascimento: '2015-03-10' },
    { cpf: S2, nome: 'Bruno Lima', dataNascimento: '2014-07-01' },
    { cpf: S3, nome: 'Carla Dias', dataNascimento: '2016-01-20' },
    { cpf: CPF_RUIM, nome: 'Dado Ruim', dataNascimento: '2015-01-01' },
  ]);
  expect(est.lote).toMatchObject({ status: 'concluido-com-erros', total: 4, comErro: 1, aplicados: 3 });
  expect(est.erros).toEqual([{ posicao: 4, campo: 'cpf', codigo: 'cpf-invalido', mensagem: 'cpf: CPF inválido: dígito verificador não confere' }]);
  const mat = await enviar(
    '/v1/matriculas/lote',
    estadual,
    ['cpf,inep,ano,etapa,turma,dataInicio', `${S1},${A},2026,EF-5,501,2026-02-02`, `${S2},${A},2026,EF-6,601,2026-02-02`, `${S3},${C},2026,EF-4,401,2026-02-02`, `${S1},${DESCONHECIDA},2026,EF-5,501,2026-02-02`].join('\n'),
    'POST',
    true,
  );
  expect(mat.lote).toMatchObject({ status: 'concluido-com-erros', total: 4, comErro: 2, aplicados: 2, formato: 'csv' });
  expect(mat.erros.map((e) => [e.posicao, e.campo, e.codigo])).toEqual([
    [3, 'inep', 'fora-da-rede'],
    [4, 'inep', 'inep-desconhecido'],
  ]);
  // The municipal school's own key enrols S3 there.
  const matC = await enviar('/v1/matriculas/lote', municipalC, [{ cpf: S3, inep: C, ano: 2026, dataInicio: '2026-02-02' }]);
  expect(matC.lote).toMatchObject({ status: 'concluido', aplicados: 1 });
}, 180_000);

afterAll(async () => {
  await sys?.stop();
});

describe('a lote of frequências with good and bad records', () => {
  it('stores the good ones, reports each bad one by position, field and code, and queues the changed school-months for the apuração', async () => {
    const { lote, erros } = await enviar('/v1/frequencias/lote', estadual, [
      { cpf: S1, inep: A, mes: '2026-03', diasLetivos: 20, presencas: 18 },
      // March has 31 days: 32 dias letivos cannot be.
      { cpf: S2, inep: A, mes: '2026-03', diasLetivos: 32, presencas: 30 },
      { cpf: S1, inep: DESCONHECIDA, mes: '2026-04', diasLetivos: 20, presencas: 20 },
      { cpf: CPF_RUIM, inep: A, mes: '2026-03', diasLetivos: 20, presencas: 10 },
      { cpf: S2, inep: A, mes: '2026-04', diasLetivos: 20, presencas: 12 },
      { cpf: S1, inep: A, mes: '2026-04', diasLetivos: 18, presencas: 19 },
      // S3 is enrolled at C, of another network than the key's.
      { cpf: S3, inep: C, mes: '2026-03', diasLetivos: 20, presencas: 20 },
    ]);
    expect(lote).toMatchObject({ status: 'concluido-com-erros', total: 7, comErro: 5, aplicados: 2, ambiente: 'producao', formato: 'json' });
    expect(erros.map((e) => [e.posicao, e.campo, e.codigo])).toEqual([
      [2, 'diasLetivos', 'dias-letivos-acima-do-mes'],
      [3, 'inep', 'inep-desconhecido'],
      [4, 'cpf', 'cpf-invalido'],
      [6, 'presencas', 'presencas-acima-dos-dias-letivos'],
      [7, 'inep', 'fora-da-rede'],
    ]);
    expect(erros[0].mensagem).toBe('diasLetivos: 32 dias letivos, mas 2026-03 tem 31 dias');
    for (const e of erros) expect(e.mensagem).not.toContain(S1);

    const linhas = await sys.db
      .selectFrom('frequencia_mensal')
      .select(['estudante_id', 'codigo_inep', 'mes', 'dias_letivos', 'presencas', 'lote_id'])
      .where('codigo_inep', 'in', [A, C, DESCONHECIDA])
      .orderBy('mes')
      .execute();
    expect(linhas).toEqual([
      { estudante_id: await estudanteId(S1), codigo_inep: A, mes: '2026-03', dias_letivos: 20, presencas: 18, lote_id: lote.id },
      { estudante_id: await estudanteId(S2), codigo_inep: A, mes: '2026-04', dias_letivos: 20, presencas: 12, lote_id: lote.id },
    ]);
    const pendentes = await sys.db.selectFrom('apuracao_pendente').select(['codigo_inep', 'mes']).where('lote_id', '=', lote.id).orderBy('mes').execute();
    expect(pendentes).toEqual([
      { codigo_inep: A, mes: '2026-03' },
      { codigo_inep: A, mes: '2026-04' },
    ]);
    // Processed: its records leave the staging table (the workflow's last step, right after the status); the errors stay.
    const restantes = await sys.db.selectFrom('lote_erro').select('posicao').where('lote_id', '=', lote.id).execute();
    expect(restantes).toHaveLength(5);
    await eventually(async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from lote_frequencia where lote_id = ${lote.id}`.execute(sys.db);
      return rows[0].n === 0 ? true : undefined;
    });
  });

  it('is one lote when sent twice with the same key, as JSON or as CSV', async () => {
    const registros = [
      { cpf: S1, inep: A, mes: '2026-05', diasLetivos: 19, presencas: 19 },
      { cpf: S2, inep: A, mes: '2026-05', diasLetivos: 19, presencas: 9 },
    ];
    const primeiro = await enviar('/v1/frequencias/lote', estadual, registros);
    expect(primeiro.recebido.repetido).toBe(false);
    expect(primeiro.lote).toMatchObject({ status: 'concluido', aplicados: 2 });
    const segundo = await enviar('/v1/frequencias/lote', estadual, registros);
    expect(segundo.recebido).toEqual({ id: primeiro.recebido.id, status: 'concluido', repetido: true });
    // The same records as a semicolon CSV with a BOM, columns in another order, are the same lote.
    const csv = '\ufeffinep;mes;cpf;presencas;diasLetivos\n' + registros.map((r) => `${r.inep};${r.mes};${r.cpf};${r.presencas};${r.diasLetivos}`).join('\r\n') + '\r\n';
    const terceiro = await enviar('/v1/frequencias/lote', estadual, csv, 'POST', true);
    expect(terceiro.recebido).toEqual({ id: primeiro.recebido.id, status: 'concluido', repetido: true });
    const lotes = await sys.db.selectFrom('lote').select('id').where('ator_id', '=', `chave:${estadual.id}`).where('tipo', '=', 'frequencias').execute();
    expect(lotes.filter((l) => l.id === primeiro.recebido.id)).toHaveLength(1);
    // Another key sending the same records sends another lote.
    const outra = await chave('SEEDUC-RJ, segunda chave', 'estadual:RJ');
    const quarto = await enviar('/v1/frequencias/lote', outra, registros);
    expect(quarto.recebido.id).not.toBe(primeiro.recebido.id);
    expect(quarto.lote).toMatchObject({ status: 'concluido', aplicados: 2 });
    // The figures did not change: no school-month to apurar again.
    expect(await sys.db.selectFrom('apuracao_pendente').select('mes').where('lote_id', '=', quarto.recebido.id).execute()).toEqual([]);
    // The replay is in the trail as a replay.
    const trilha = await sys.db.selectFrom('auditoria').select('acao').where('recurso_id', '=', primeiro.recebido.id).orderBy('seq').execute();
    expect(trilha.map((t) => t.acao)).toEqual(['lote.receber', 'lote.receber.repeticao', 'lote.receber.repeticao']);
  });

  it('reads CSV and JSON alike: the same records give the same errors and the same rows', async () => {
    const json = await enviar('/v1/frequencias/lote', estadual, [
      { cpf: S1, inep: A, mes: '2026-06', diasLetivos: 21, presencas: 15 },
      // June has 30 days.
      { cpf: S2, inep: A, mes: '2026-06', diasLetivos: 31, presencas: 0 },
    ]);
    const linhasJson = await sys.db.selectFrom('frequencia_mensal').select(['estudante_id', 'dias_letivos', 'presencas']).where('mes', '=', '2026-06').execute();
    // The same records as CSV, from another key of the network (from the same key they would be the same lote).
    const outra = await chave('SEEDUC-RJ, chave do CSV', 'estadual:RJ');
    const csv = await enviar('/v1/frequencias/lote', outra, `cpf,inep,mes,diasLetivos,presencas\n${S1},${A},2026-06,21,15\n${S2},${A},2026-06,31,0\n`, 'POST', true);
    expect(json.lote).toMatchObject({ formato: 'json', status: 'concluido-com-erros', comErro: 1, aplicados: 1 });
    expect(csv.lote).toMatchObject({ formato: 'csv', status: 'concluido-com-erros', comErro: 1, aplicados: 1 });
    expect(csv.erros).toEqual(json.erros);
    expect(json.erros.map((e) => [e.posicao, e.codigo])).toEqual([[2, 'dias-letivos-acima-do-mes']]);
    expect(await sys.db.selectFrom('frequencia_mensal').select(['estudante_id', 'dias_letivos', 'presencas']).where('mes', '=', '2026-06').execute()).toEqual(linhasJson);
    expect(linhasJson).toEqual([{ estudante_id: await estudanteId(S1), dias_letivos: 21, presencas: 15 }]);
  });

  it('refuses a body it cannot read with 400, naming what is wrong', async () => {
    const r = await fetch(`${sys.baseUrl}/v1/frequencias/lote`, {
      method: 'POST',
      headers: { authorization: `Bearer ${estadual.chave}`, 'content-type': 'text/csv' },
      body: `cpf,inep,mes,dias\n${S1},${A},2026-03,20\n`,
    });
    expect(r.status).toBe(400);
    const corpo = (await r.json()) as any;
    expect(corpo.erro.campos.map((c: any) => c.mensagem)).toEqual([
      'coluna desconhecida na posição 4 (colunas: cpf, nis, inep, mes, diasLetivos, presencas)',
      'falta a coluna obrigatória diasLetivos',
      'falta a coluna obrigatória presencas',
    ]);
    const vazio = await sys.request('POST', '/v1/frequencias/lote', { as: estadual, body: [] });
    expect(vazio.status).toBe(400);
    // JSON of another shape than the document's (a record that is not an object, a value that is an object): 400.
    const forma = await sys.request('POST', '/v1/frequencias/lote', { as: estadual, body: [{ cpf: S1, inep: A, mes: '2026-03', diasLetivos: 20, presencas: 20 }, 7, { cpf: { numero: S1 } }] });
    expect(forma.status).toBe(400);
    expect(forma.body.erro.campos.map((c: any) => c.campo)).toEqual(['corpo.1', 'corpo.2.cpf']);
    // A field the kind does not have is that record's error only.
    const extra = await enviar('/v1/frequencias/lote', estadual, [{ cpf: S1, inep: A, mes: '2026-09', diasLetivos: 20, presencas: 20, turma: '501' }]);
    expect(extra.erros.map((e) => [e.posicao, e.campo, e.codigo])).toEqual([[1, 'turma', 'campo-desconhecido']]);
  });
});

describe('text as sent', () => {
  it('stores names with quotes, backslashes and accents exactly (the staging load quotes every text)', async () => {
    const novo = novoCpf();
    const nome = 'Joana "Jô" D\'Ávila \\ {Silva}, NULL';
    const r = await enviar('/v1/estudantes/lote', estadual, [{ cpf: novo, nome, dataNascimento: '2014-04-04' }]);
    expect(r.lote).toMatchObject({ status: 'concluido', aplicados: 1 });
    expect((await sys.db.selectFrom('estudante').select('nome').where('cpf', '=', novo).executeTakeFirstOrThrow()).nome).toBe(nome);
  });
});

describe('a homologação key', () => {
  it('validates and reports its lotes and never changes production data', async () => {
    const novo = novoCpf();
    const est = await enviar('/v1/estudantes/lote', homologacao, [{ cpf: novo, nome: 'Teste Homologação', dataNascimento: '2015-05-05' }]);
    expect(est.lote).toMatchObject({ ambiente: 'homologacao', status: 'concluido', aplicados: 1 });
    expect(await estudanteId(novo)).toBeUndefined();

    const freq = await enviar('/v1/frequencias/lote', homologacao, [
      { cpf: S1, inep: A, mes: '2026-08', diasLetivos: 21, presencas: 21 },
      { cpf: S1, inep: A, mes: '2026-08', diasLetivos: 32, presencas: 1 },
    ]);
    expect(freq.lote).toMatchObject({ ambiente: 'homologacao', status: 'concluido-com-erros', aplicados: 1, comErro: 1 });
    expect(freq.erros.map((e) => [e.posicao, e.codigo])).toEqual([[2, 'dias-letivos-acima-do-mes']]);
    expect(await sys.db.selectFrom('frequencia_mensal').select('mes').where('mes', '=', '2026-08').execute()).toEqual([]);
    expect(await sys.db.selectFrom('apuracao_pendente').select('mes').where('lote_id', '=', freq.lote.id).execute()).toEqual([]);

    const mov = await enviar('/v1/matriculas/movimentar/lote', homologacao, [{ cpf: S2, inep: A, ano: 2026, tipo: 'abandono', data: '2026-05-10' }]);
    expect(mov.lote).toMatchObject({ status: 'concluido', aplicados: 1 });
    const m = await sys.db.selectFrom('matricula').select('situacao').where('estudante_id', '=', (await estudanteId(S2))!).where('codigo_inep', '=', A).executeTakeFirstOrThrow();
    expect(m.situacao).toBe('ativa');

    // Nor does it read production's students.
    const leitura = await sys.request('GET', `/v1/estudantes/${S1}`, { as: homologacao });
    expect(leitura.status).toBe(403);
    expect(leitura.body.erro.codigo).toBe('chave-de-homologacao');
  });
});

describe('keys: network and addresses', () => {
  it('a key without a network, or sent from an address it does not allow, sends nothing', async () => {
    const semRede = await sys.chave({ papeis: ['sistema'] });
    const r1 = await sys.request('POST', '/v1/frequencias/lote', { as: semRede, body: [{ cpf: S1, inep: A, mes: '2026-03', diasLetivos: 20, presencas: 20 }] });
    expect(r1.status).toBe(403);
    expect(r1.body.erro.codigo).toBe('chave-sem-rede');

    const longe = await chave('de outro endereço', 'estadual:RJ', { ipsPermitidos: ['200.130.1.0/24'] });
    const r2 = await sys.request('GET', '/v1/frequencias/lote', { as: longe });
    expect(r2.status).toBe(403);
    expect(r2.body.erro.codigo).toBe('ip-nao-autorizado');
    const perto = await chave('deste endereço', 'estadual:RJ', { ipsPermitidos: ['200.130.1.0/24', '127.0.0.0/8', '::1'] });
    expect((await sys.request('GET', '/v1/frequencias/lote', { as: perto })).status).toBe(200);
  });

  it('lists only the caller\'s own lotes, and another key\'s lote is not found', async () => {
    const meus = await sys.request('GET', '/v1/frequencias/lote?tamanho=2', { as: estadual });
    expect(meus.status).toBe(200);
    expect(meus.body.itens).toHaveLength(2);
    // Four frequências lotes of this key so far (the one sent three times counts once; the 400s are none).
    expect(meus.body.total).toBe(4);
    const outro = (await sys.request('GET', '/v1/matriculas/lote', { as: municipalC })).body.itens[0];
    expect((await sys.request('GET', `/v1/matriculas/lote/${outro.id}`, { as: estadual })).status).toBe(404);
    expect((await sys.request('GET', `/v1/matriculas/lote/${outro.id}`, { as: municipalC })).status).toBe(200);
  });
});

describe('movements and corrections', () => {
  it('transfers, refuses a movement of a matrícula not active, and corrects a student by PATCH', async () => {
    const novo = novoCpf();
    await enviar('/v1/estudantes/lote', estadual, [{ cpf: novo, nome: 'Edu Mendes', dataNascimento: '2013-09-09' }]);
    await enviar('/v1/matriculas/lote', estadual, [{ cpf: novo, inep: B, ano: 2026, dataInicio: '2026-02-02' }]);
    const mov = await enviar('/v1/matriculas/movimentar/lote', estadual, [
      { cpf: novo, inep: B, ano: 2026, tipo: 'transferencia', data: '2026-06-01', inepDestino: A },
      { cpf: novo, inep: B, ano: 2026, tipo: 'obito', data: '2026-06-02' },
      { cpf: S4, inep: B, ano: 2026, tipo: 'abandono', data: '2026-06-02' },
    ]);
    expect(mov.lote).toMatchObject({ status: 'concluido-com-erros', aplicados: 1, comErro: 2 });
    // Validated against the database before the transfer is written: the second movement is the same matrícula twice.
    expect(mov.erros.map((e) => [e.posicao, e.codigo])).toEqual([
      [2, 'duplicado-no-lote'],
      [3, 'estudante-nao-encontrado'],
    ]);
    const m = await sys.db.selectFrom('matricula').select(['situacao', 'fim', 'destino_inep']).where('estudante_id', '=', (await estudanteId(novo))!).executeTakeFirstOrThrow();
    expect(m).toEqual({ situacao: 'transferida', fim: '2026-06-01', destino_inep: A });
    const obito = await enviar('/v1/matriculas/movimentar/lote', estadual, [{ cpf: novo, inep: B, ano: 2026, tipo: 'obito', data: '2026-06-03' }]);
    expect(obito.erros.map((e) => [e.posicao, e.codigo])).toEqual([[1, 'matricula-nao-ativa']]);

    const patch = await enviar('/v1/estudantes/lote', estadual, [{ cpf: novo, nome: 'Eduardo Mendes' }, { cpf: S3, nome: 'Outra' }], 'PATCH');
    expect(patch.lote).toMatchObject({ tipo: 'estudantes-atualizacao', aplicados: 1, comErro: 1 });
    // S3 is enrolled only at C, of another network.
    expect(patch.erros.map((e) => [e.posicao, e.codigo])).toEqual([[2, 'fora-da-rede']]);
    expect((await sys.db.selectFrom('estudante').select('nome').where('cpf', '=', novo).executeTakeFirstOrThrow()).nome).toBe('Eduardo Mendes');
  });
});

describe('reads of students: scope and audit', () => {
  it('reads a student in scope with an audit entry, masks CPF and NIS in a school\'s listing, and answers 404 outside scope', async () => {
    await encadearPendentes(sys.db); // a read's entry may still be in the outbox
    const antes = (await sys.db.selectFrom('auditoria').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq;
    const lido = await sys.request('GET', `/v1/estudantes/${S1}`, { as: operadorA });
    expect(lido.status).toBe(200);
    expect(lido.body).toMatchObject({ cpf: S1, nome: 'Ana Souza', matriculas: [{ codigoInep: A, ano: 2026, situacao: 'ativa' }] });
    expect(lido.body.frequencias.map((f: any) => f.mes)).toEqual(['2026-03', '2026-05', '2026-06']);
    await encadearPendentes(sys.db); // a read's entry may still be in the outbox
    const entradas = await sys.db.selectFrom('auditoria').select(['acao', 'ator_id', 'recurso', 'recurso_id', 'resumo']).where('seq', '>', antes!).orderBy('seq').execute();
    expect(entradas).toEqual([{ acao: 'estudante.ler', ator_id: operadorA.id, recurso: 'estudante', recurso_id: await estudanteId(S1), resumo: `Leitura do estudante ${await estudanteId(S1)}` }]);

    const lista = await sys.request('GET', `/v1/estudantes/inep/${A}?ano=2026`, { as: estadual });
    expect(lista.status).toBe(200);
    const ana = lista.body.itens.find((i: any) => i.nome === 'Ana Souza');
    expect(ana.cpf).toBe(mascararCpf(S1));
    expect(JSON.stringify(lista.body)).not.toContain(S1);

    // An operador of another school, a school's key for another school, the state key for a municipal school: 404.
    await encadearPendentes(sys.db); // a read's entry may still be in the outbox
    const depois = (await sys.db.selectFrom('auditoria').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq;
    expect((await sys.request('GET', `/v1/estudantes/${S1}`, { as: operadorB })).status).toBe(404);
    expect((await sys.request('GET', `/v1/estudantes/inep/${A}`, { as: operadorB })).status).toBe(404);
    expect((await sys.request('GET', `/v1/estudantes/${S1}`, { as: municipalC })).status).toBe(404);
    expect((await sys.request('GET', `/v1/estudantes/inep/${C}`, { as: estadual })).status).toBe(404);
    expect((await sys.request('GET', `/v1/estudantes/${S3}`, { as: municipalC })).status).toBe(200);
    await encadearPendentes(sys.db); // a read's entry may still be in the outbox
    const refusadas = await sys.db.selectFrom('auditoria').select('acao').where('seq', '>', depois!).execute();
    expect(refusadas.map((e) => e.acao)).toEqual(['estudante.ler']);
  });
});
