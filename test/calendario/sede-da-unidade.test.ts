/**
 * Whose calendar counts (issue 11; DOMAIN prazos rule 10; Lei 9.784/1999
 * art. 66 § 1): every prazo of a process counts on the seat of its unit, not
 * on the school's município. Two units seated in different municípios, two
 * processes whose schools are both in Rio de Janeiro: a day without
 * expediente in the seat of the first unit moves the prazo of its process and
 * leaves the other's alone.
 *
 * Real time, through the API and the worker on the dev server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calcularPrazo } from '../../rules/prazos';
import { eventualmente, processoComPrazo } from '../support/prazo-em-curso';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ = '11222333000181';
const NITEROI = '3303302';
const PETROPOLIS = '3303906';
const UNIDADE_NITEROI = 'TESTE SEDE NITEROI';
const UNIDADE_PETROPOLIS = 'TESTE SEDE PETROPOLIS';

let sys: TestSystem;
let admin: Conta, representante: Conta, inspetorN: Conta, inspetorP: Conta;

beforeAll(async () => {
  sys = await startTestSystem();
  [admin, representante, inspetorN, inspetorP] = await Promise.all([
    sys.conta({ papeis: ['administrador'] }),
    sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ papeis: ['inspetor'], unidade: UNIDADE_NITEROI }),
    sys.conta({ papeis: ['inspetor'], unidade: UNIDADE_PETROPOLIS }),
  ]);
  for (const [chave, sigla, municipio, nome] of [
    [UNIDADE_NITEROI, 'COOIE-TESTESEDENITEROI', NITEROI, 'Niterói'],
    [UNIDADE_PETROPOLIS, 'COOIE-TESTESEDEPETROPOLIS', PETROPOLIS, 'Petrópolis'],
  ]) {
    const r = await sys.request('POST', '/v1/unidades', {
      as: admin,
      body: { chave, nome: `Coordenadoria de teste ${nome}`, sigla, tipo: 'cooie', sede: { municipio, nome }, fonte: 'teste' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});
afterAll(async () => {
  await sys?.stop();
});

describe('o calendário da sede da unidade', () => {
  it('conta o prazo na sede da unidade; um dia sem expediente na sede move só o prazo dos processos dessa unidade', async () => {
    const inep = () => `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const n = await processoComPrazo(sys, representante, inspetorN, UNIDADE_NITEROI, inep());
    const p = await processoComPrazo(sys, representante, inspetorP, UNIDADE_PETROPOLIS, inep());
    // The school is in Rio; the prazo is counted where the unit sits.
    expect(n.prazo).toMatchObject({ uf: 'RJ', municipio: NITEROI, unidade: UNIDADE_NITEROI });
    expect(p.prazo).toMatchObject({ uf: 'RJ', municipio: PETROPOLIS, unidade: UNIDADE_PETROPOLIS });

    // Derivation: a day without expediente decreed for Niterói on the prazo's last day moves it to the next
    // business day there (rule 3); the engine is asked with the same data, so the expected limit is the law's.
    const dia = { data: n.prazo.vencimento, escopo: 'municipio' as const, municipio: NITEROI, motivo: 'Suspensão do expediente no município', atoLegal: 'Decreto Municipal 1/2026 (teste)' };
    const esperado = calcularPrazo({ ciencia: n.prazo.ciencia, dias: 10, local: { uf: 'RJ', municipio: NITEROI }, diasDecretados: [dia] });
    expect(esperado.vencimento > n.prazo.vencimento).toBe(true);
    const r = await sys.request('POST', '/v1/calendario/decretados', { as: admin, body: dia });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.processos).toContain(n.id);
    expect(r.body.processos).not.toContain(p.id);
    await eventualmente(
      () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', n.id).executeTakeFirstOrThrow(),
      (x) => x.vencimento === esperado.vencimento,
      { rotulo: 'prazo da unidade de Niterói movido' },
    );
    const outro = await sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', p.id).executeTakeFirstOrThrow();
    expect(outro.vencimento).toBe(p.prazo.vencimento);
    expect(outro.versao).toBe(p.prazo.versao);
    // Removing the day brings the limit back (and leaves the next test a clean calendar).
    const fora = await sys.request('DELETE', `/v1/calendario/decretados/${r.body.diaDecretado.id}`, { as: admin });
    expect(fora.body.processos).toContain(n.id);
    await eventualmente(
      () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', n.id).executeTakeFirstOrThrow(),
      (x) => x.vencimento === n.prazo.vencimento,
      { rotulo: 'prazo de volta' },
    );
  });

  it('um feriado municipal cadastrado pelo administrador move o prazo em curso da unidade sediada no município, e não o de outra', async () => {
    const inep = () => `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const n = await processoComPrazo(sys, representante, inspetorN, UNIDADE_NITEROI, inep());
    const p = await processoComPrazo(sys, representante, inspetorP, UNIDADE_PETROPOLIS, inep());
    // Niterói has no municipal table yet: the listing says so, for both test units.
    const sem = await sys.request('GET', '/v1/calendario/feriados-municipais/sedes-sem-tabela', { as: inspetorN });
    expect(sem.status).toBe(200);
    expect(sem.body.itens.map((u: { unidade: string }) => u.unidade)).toEqual(expect.arrayContaining([UNIDADE_NITEROI, UNIDADE_PETROPOLIS]));

    // Derivation: a municipal holiday of Niterói on the prazo's last day (a business day) makes that day
    // non-business there; rule 3 moves the prazo to the next business day, which the engine computes
    // with the same holiday as data.
    const venc = n.prazo.vencimento;
    const feriado = {
      municipio: NITEROI,
      municipioNome: 'Niterói',
      dia: `${venc.slice(8, 10)}/${venc.slice(5, 7)}`,
      nome: 'Feriado municipal de teste',
      atoLegal: 'Lei Municipal 9.999/2026 (teste)',
      desde: venc,
      fonte: 'teste',
    };
    const esperado = calcularPrazo({
      ciencia: n.prazo.ciencia,
      dias: 10,
      local: { uf: 'RJ', municipio: NITEROI },
      feriadosMunicipais: [{ municipio: NITEROI, municipioNome: 'Niterói', uf: 'RJ', quando: { dia: venc.slice(5) }, nome: feriado.nome, atoLegal: feriado.atoLegal, desde: venc }],
    });
    expect(esperado.vencimento > venc).toBe(true);
    // Only an administrador keeps municipal holidays.
    expect((await sys.request('POST', '/v1/calendario/feriados-municipais', { as: inspetorN, body: feriado })).status).toBe(403);
    const r = await sys.request('POST', '/v1/calendario/feriados-municipais', { as: admin, body: feriado });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.feriado).toMatchObject({ municipio: NITEROI, uf: 'RJ', dia: feriado.dia, desde: venc, ate: null, criadoPor: admin.id });
    expect(r.body.processos).toContain(n.id);
    expect(r.body.processos).not.toContain(p.id);
    await eventualmente(
      () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', n.id).executeTakeFirstOrThrow(),
      (x) => x.vencimento === esperado.vencimento,
      { rotulo: 'prazo da unidade de Niterói movido pelo feriado municipal' },
    );
    const outro = await sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', p.id).executeTakeFirstOrThrow();
    expect(outro.vencimento).toBe(p.prazo.vencimento);
    // The timeline says why the limit moved.
    await eventualmente(
      async () => (await sys.db.selectFrom('processo_evento').select('descricao').where('processo_id', '=', n.id).where('tipo', '=', 'prazo').execute()).map((e) => e.descricao),
      (d) => d.some((x) => x.startsWith(`Calendário alterado: feriado municipal incluído: ${feriado.dia} — Feriado municipal de teste (Lei Municipal 9.999/2026 (teste)), Niterói/RJ`)),
      { rotulo: 'motivo na linha do tempo' },
    );
    // Niterói now has a table; the same POST again returns the row (200, criado false).
    const sem2 = await sys.request('GET', '/v1/calendario/feriados-municipais/sedes-sem-tabela', { as: inspetorN });
    expect(sem2.body.itens.map((u: { unidade: string }) => u.unidade)).not.toContain(UNIDADE_NITEROI);
    const de = await sys.request('POST', '/v1/calendario/feriados-municipais', { as: admin, body: feriado });
    expect(de.status).toBe(200);
    expect(de.body.criado).toBe(false);

    // A validity that ends before it starts is refused, naming the field.
    const invertida = await sys.request('PATCH', `/v1/calendario/feriados-municipais/${r.body.feriado.id}`, { as: admin, body: { ate: n.prazo.ciencia } });
    expect(invertida.status).toBe(400);
    expect(invertida.body.erro.campos).toEqual([{ campo: 'ate', mensagem: 'ate deve ser igual ou posterior a desde' }]);
    // Ending its validity the day before (the law revoked) brings the limit back.
    const fim = await sys.request('PATCH', `/v1/calendario/feriados-municipais/${r.body.feriado.id}`, { as: admin, body: { desde: null, ate: n.prazo.ciencia } });
    expect(fim.status, JSON.stringify(fim.body)).toBe(200);
    expect(fim.body.processos).toContain(n.id);
    await eventualmente(
      () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', n.id).executeTakeFirstOrThrow(),
      (x) => x.vencimento === venc,
      { rotulo: 'prazo de volta ao vencimento original' },
    );
  });

  it('importa feriados municipais de um CSV: tudo ou nada, com o erro de cada linha', async () => {
    const ruim = 'municipio;municipio_nome;dia;nome;ato_legal;fonte\n3303906;Petrópolis;19/10;Feriado;Lei Municipal 9.155/2025;teste\n3303906;Petrópolis;31/02;Outro;Lei X;teste\n';
    const r = await sys.request('POST', '/v1/calendario/feriados-municipais/importacao', { as: admin, body: { csv: ruim } });
    expect(r.status).toBe(400);
    expect(r.body.erro.campos).toEqual([{ campo: 'csv.linha 3.dia', mensagem: '"31/02" não é um dia do ano no formato DD/MM (ex.: 20/01)' }]);
    expect((await sys.request('GET', '/v1/calendario/feriados-municipais?municipio=3303906', { as: admin })).body.itens).toEqual([]);
    const bom = 'municipio,municipio_nome,dia,pascoa,nome,ato_legal,desde,ate,fonte\n3303906,Petrópolis,19/10,,"Feriado, de teste",Lei Municipal 9.155/2025,2025-10-19,,Diário Oficial\n3303906,Petrópolis,,60,Corpus Christi,Lei Municipal 1/2000,,,teste\n';
    const ok = await sys.request('POST', '/v1/calendario/feriados-municipais/importacao', { as: admin, body: { csv: bom } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ incluidos: 2, jaCadastrados: 0 });
    expect(ok.body.feriados.map((f: { nome: string; dia: string | null; pascoa: number | null }) => [f.nome, f.dia, f.pascoa])).toEqual([
      ['Feriado, de teste', '19/10', null],
      ['Corpus Christi', null, 60],
    ]);
    // Derivation: Easter 2027 = 28/03, +60 = qui 27/05/2027 (Corpus Christi), a holiday in Petrópolis by the row.
    const cal = await sys.request('GET', '/v1/calendario/2027?municipio=3303906', { as: admin });
    expect(cal.body.naoUteis).toEqual(expect.arrayContaining([{ data: '2027-05-27', motivo: 'Feriado municipal (Petrópolis/RJ) — Corpus Christi (Lei Municipal 1/2000)' }]));
    const audit = await sys.db.selectFrom('auditoria').select('resumo').where('acao', '=', 'calendario.importar-feriados-municipais').execute();
    expect(audit.map((a) => a.resumo)).toEqual(['Importação de feriados municipais: 2 incluídos, 0 já cadastrados']);
  });

  it('a sede da unidade alterada pelo administrador re-temporiza os prazos em curso da unidade', async () => {
    const inep = () => `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const p = await processoComPrazo(sys, representante, inspetorP, UNIDADE_PETROPOLIS, inep());
    // Derivation: a Niterói holiday on the prazo's last day does not touch the Petrópolis unit; once the unit
    // is seated in Niterói, that day has no expediente where the act is done and the prazo moves (rule 3).
    const venc = p.prazo.vencimento;
    const feriado = { municipio: NITEROI, municipioNome: 'Niterói', dia: `${venc.slice(8, 10)}/${venc.slice(5, 7)}`, nome: 'Outro feriado de teste', atoLegal: 'Lei Municipal 9.998/2026 (teste)', desde: venc, fonte: 'teste' };
    const r = await sys.request('POST', '/v1/calendario/feriados-municipais', { as: admin, body: feriado });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.processos).not.toContain(p.id);
    const esperado = calcularPrazo({
      ciencia: p.prazo.ciencia,
      dias: 10,
      local: { uf: 'RJ', municipio: NITEROI },
      feriadosMunicipais: [{ municipio: NITEROI, municipioNome: 'Niterói', uf: 'RJ', quando: { dia: venc.slice(5) }, nome: feriado.nome, atoLegal: feriado.atoLegal, desde: venc }],
    });
    expect(esperado.vencimento > venc).toBe(true);
    const mudou = await sys.request('PATCH', `/v1/unidades/${encodeURIComponent(UNIDADE_PETROPOLIS)}`, { as: admin, body: { sede: { municipio: NITEROI, nome: 'Niterói' } } });
    expect(mudou.status, JSON.stringify(mudou.body)).toBe(200);
    expect(mudou.body.processos).toContain(p.id);
    const movido = await eventualmente(
      () => sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', p.id).executeTakeFirstOrThrow(),
      (x) => x.vencimento === esperado.vencimento,
      { rotulo: 'prazo movido com a nova sede' },
    );
    expect(movido.municipio).toBe(NITEROI);
    await eventualmente(
      async () => (await sys.db.selectFrom('processo_evento').select('descricao').where('processo_id', '=', p.id).where('tipo', '=', 'prazo').execute()).map((e) => e.descricao),
      (d) => d.some((x) => x.startsWith(`Calendário alterado: sede da unidade ${UNIDADE_PETROPOLIS} alterada para Niterói/RJ`)),
      { rotulo: 'motivo na linha do tempo' },
    );
  });
});
