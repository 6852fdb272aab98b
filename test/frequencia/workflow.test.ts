/**
 * A student's follow-up case on the time-skipping server, opened by the real
 * apuração (api/acompanhamento/service.ts) over frequencia_mensal rows written
 * directly: overdue then escalated; two months below the minimum through the
 * family, the assistência social and the Conselho Tutelar; attendance back above
 * the minimum; a transfer; a death. Deadlines are the defaults of
 * rules/frequencia/caso.ts (5 dias úteis for the family's notice, 5 more to the
 * escalation), counted on Rio de Janeiro's calendar (RJ, IBGE 3304557).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agirNoCaso, apurarEscolaMes, processarApuracoesPendentes, sincronizarOcorrenciasDasMatriculas } from '../../api/acompanhamento/service';
import { idWorkflowCaso, type PedidoAcaoCaso } from '../../workflows/frequencia/definitions';
import { eventually } from '../support/eventualmente';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { conselho, cras, escola, estudante, frequencia, matricular, responsavel } from './apoio';

let t: WorkflowTestEnv;
let inep: string;
const operador = { id: 'operador-escola', nome: 'Operadora Escolar' };
let n = 0;

beforeAll(async () => {
  t = await startWorkflowEnv();
  inep = await escola(t.db);
}, 120_000);
afterAll(async () => t?.stop());

const deps = () => ({ db: t.db, temporal: t.env.client, taskQueue: t.taskQueue });
const apurar = async (mes: string) => apurarEscolaMes(deps(), inep, mes, new Date(await t.agora()));
const caso = async (estudanteId: string) => t.db.selectFrom('caso_frequencia').selectAll().where('estudante_id', '=', estudanteId).orderBy('criado_em', 'desc').executeTakeFirst();
const agir = async (casoId: string, acao: PedidoAcaoCaso['acao'], dados: PedidoAcaoCaso['dados']) =>
  agirNoCaso(t.env.client, casoId, { acao, ator: operador, em: await t.agora(), chave: `k${++n}`, dados });
const eventos = async (casoId: string) => (await t.db.selectFrom('caso_frequencia_evento').select('tipo').where('caso_id', '=', casoId).orderBy('seq').execute()).map((e) => e.tipo);

/** A 12-year-old (75% minimum) enrolled in 2027 with `presencas` of 20 dias letivos in `mes`. */
async function alunoAbaixo(mes: string, presencas = 10) {
  const e = await estudante(t.db, { nascimento: '2015-06-10' });
  await matricular(t.db, e.id, inep, 2027);
  await frequencia(t.db, e.id, inep, mes, 20, presencas);
  return e;
}

describe('caso de baixa frequência', () => {
  it('a step without action is overdue for the school past its limit, then escalated to the coordenação municipal', async () => {
    // Opened Monday 01/03/2027 (09:00 in Brasília). Notificação à família: 5 dias úteis from the next day:
    // Tue 02, Wed 03, Thu 04, Fri 05, (Sat, Sun skipped) Mon 08/03 → limit 08/03/2027 23:59:59 -03:00 = 09/03 02:59:59Z.
    // Escalation: 5 more dias úteis from 08/03: Tue 09 … Mon 15/03 → 15/03/2027 23:59:59 -03:00 = 16/03 02:59:59Z.
    // (No holiday in RJ or Rio in those weeks: Carnaval 2027 was 08–09/02.)
    await t.saltarAte('2027-03-01T12:00:00.000Z');
    const e = await alunoAbaixo('2027-02');
    const r = await apurar('2027-02');
    expect(r).toMatchObject({ apurados: 1, abaixo: 1, casosAbertos: 1 });
    const c = await eventually(async () => {
      const x = await caso(e.id);
      return x?.prazo_etapa ? x : undefined;
    });
    expect(c.prazo_etapa!.toISOString()).toBe('2027-03-09T02:59:59.000Z');
    expect(c).toMatchObject({ etapa: 'notificacao-familia', atrasado: false, escalado: false, meses_abaixo: ['2027-02'] });
    // The workflow id is the case's uuid: no CPF, NIS or name.
    const desc = await t.env.client.workflow.getHandle(idWorkflowCaso(c.id)).describe();
    expect(desc.workflowId).toBe(`caso-frequencia-${c.id}`);
    expect(desc.workflowId).not.toContain(e.cpf);

    await t.saltarAte('2027-03-09T02:59:58.000Z');
    expect((await caso(e.id))!.atrasado).toBe(false);
    await t.saltarAte('2027-03-09T03:00:05.000Z');
    await eventually(async () => ((await caso(e.id))?.atrasado ? true : undefined));
    expect((await caso(e.id))!.escalado).toBe(false);

    await t.saltarAte('2027-03-16T02:59:58.000Z');
    expect((await caso(e.id))!.escalado).toBe(false);
    await t.saltarAte('2027-03-16T03:00:05.000Z');
    await eventually(async () => ((await caso(e.id))?.escalado ? true : undefined));
    expect(await eventos(c.id)).toEqual(['aberto', 'etapa-atrasada', 'etapa-escalada']);

    // The school acts at last: the next step starts with its own prazo, neither overdue nor escalated.
    await agir(c.id, 'notificar-familia', { responsavel });
    const depois = await eventually(async () => {
      const x = await caso(e.id);
      return x?.etapa === 'averiguacao-motivos' && x.prazo_etapa ? x : undefined;
    });
    expect(depois).toMatchObject({ atrasado: false, escalado: false });
  });

  it('two months below 75%: the family is notified, the motivos looked into, the assistência social and then the Conselho Tutelar receive their documents', async () => {
    const e = await alunoAbaixo('2027-03', 12);
    await apurar('2027-03');
    const c = await eventually(async () => caso(e.id));

    // ECA art. 56 II: repeated absences go to the Conselho Tutelar only after the school's own measures.
    await expect(
      agir(c.id, 'comunicar-conselho-tutelar', { destinatario: conselho, hipoteses: ['faltas-evasao'], fatos: ['Faltas reiteradas.'], providenciasEscola: ['Contato telefônico'], responsavel }),
    ).rejects.toThrow(/esgotados os recursos escolares/);

    const notificacao = await agir(c.id, 'notificar-familia', { responsavel, comparecimento: { data: '2027-04-30', hora: '10:00', local: 'Secretaria da escola' } });
    expect(notificacao).toMatchObject({ etapa: 'averiguacao-motivos', documento: { tipo: 'notificacao-familia' } });
    expect(notificacao.documento!.identificacao).toMatch(new RegExp(`^Ofício nº \\d+/2027/ESCOLA-${inep}$`));

    const averiguacao = await agir(c.id, 'registrar-averiguacao', {
      motivo: { codigo: '54', descricao: 'Trabalho Infantil', versao: 1 },
      relato: 'A mãe informa que o estudante ajuda o tio na feira às terças e quintas.',
      vulnerabilidade: true,
    });
    expect(averiguacao.etapa).toBe('encaminhamento-assistencia');

    const encaminhamento = await agir(c.id, 'encaminhar-assistencia-social', {
      destinatario: cras,
      situacao: ['Indícios de trabalho infantil relatados pela família na averiguação de 2027.'],
    });
    expect(encaminhamento).toMatchObject({ etapa: 'acompanhamento', documento: { tipo: 'encaminhamento-assistencia-social' } });

    // The next month is below again: the reiteração of ECA art. 56 II moves the case to the Conselho Tutelar's step.
    await frequencia(t.db, e.id, inep, '2027-04', 20, 13);
    expect(await apurar('2027-04')).toMatchObject({ casosAvisados: 1, casosAbertos: 0 });
    await eventually(async () => ((await caso(e.id))?.etapa === 'comunicacao-conselho-tutelar' ? true : undefined));
    expect((await caso(e.id))!.meses_abaixo).toEqual(['2027-03', '2027-04']);
    // The same apuração run again tells the case nothing new.
    expect(await apurar('2027-04')).toMatchObject({ casosAvisados: 0 });

    const comunicacao = await agir(c.id, 'comunicar-conselho-tutelar', {
      destinatario: conselho,
      hipoteses: ['faltas-evasao'],
      fatos: ['Frequência de 60% em março e 65% em abril de 2027, após notificação da família e encaminhamento ao CRAS.'],
      providenciasEscola: [],
    });
    expect(comunicacao).toMatchObject({ etapa: 'acompanhamento', documento: { tipo: 'comunicacao-conselho-tutelar' } });

    const docs = await t.db.selectFrom('documento').select(['tipo', 'html', 'identificacao']).where('processo_id', '=', `caso-frequencia:${c.id}`).orderBy('emitido_em').execute();
    expect(docs.map((d) => d.tipo)).toEqual(['notificacao-familia', 'encaminhamento-assistencia-social', 'comunicacao-conselho-tutelar']);
    expect(docs[0]!.html).toContain(e.nome);
    expect(docs[1]!.html).toContain('Trabalho Infantil');
    // The comunicação names the school's measures already taken (the case's own acts) and the last month below.
    expect(docs[2]!.html).toContain(docs[0]!.identificacao);
    expect(docs[2]!.html).toContain(docs[1]!.identificacao);
    expect(docs[2]!.html).toMatch(/abril de 2027/);
    expect(await eventos(c.id)).toEqual([
      'aberto',
      'familia-notificada',
      'motivos-averiguados',
      'encaminhado-assistencia-social',
      'apuracao-abaixo',
      'reiteracao',
      'comunicado-conselho-tutelar',
    ]);
  });

  it('attendance back at the minimum closes the case, recorded', async () => {
    const e = await alunoAbaixo('2027-03');
    await apurar('2027-03');
    const c = await eventually(async () => caso(e.id));
    // 15 of 20 = 75%: meets the minimum (art. 2º) → the case closes.
    await frequencia(t.db, e.id, inep, '2027-04', 20, 15);
    await apurar('2027-04');
    const fim = await t.env.client.workflow.getHandle(idWorkflowCaso(c.id)).result();
    expect(fim).toMatchObject({ situacao: 'encerrado', encerramento: 'frequencia-restabelecida' });
    await eventually(async () => ((await caso(e.id))?.situacao === 'encerrado' ? true : undefined));
    expect((await caso(e.id))!.encerramento).toBe('frequencia-restabelecida');
    expect((await eventos(c.id)).at(-1)).toBe('encerrado');
  });

  it('a transfer closes the case with the destination school and updates the matrícula', async () => {
    const e = await alunoAbaixo('2027-03');
    await apurar('2027-03');
    const c = await eventually(async () => caso(e.id));
    await expect(agir(c.id, 'registrar-ocorrencia', { ocorrencia: { tipo: 'transferencia', data: '2027-04-20' } })).rejects.toThrow(/Código INEP da escola de destino/);
    const r = await agir(c.id, 'registrar-ocorrencia', { ocorrencia: { tipo: 'transferencia', data: '2027-04-20', destinoInep: '33099999' } });
    expect(r).toMatchObject({ situacao: 'encerrado' });
    await eventually(async () => ((await caso(e.id))?.situacao === 'encerrado' ? true : undefined));
    expect(await caso(e.id)).toMatchObject({ encerramento: 'transferencia', destino_inep: '33099999' });
    const m = await t.db.selectFrom('matricula').selectAll().where('estudante_id', '=', e.id).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ situacao: 'transferida', destino_inep: '33099999', fim: '2027-04-20' });
    // Closed, it admits nothing more.
    await expect(agir(c.id, 'notificar-familia', { responsavel })).rejects.toThrow(/encerrado/);
  });

  it('a death closes the case and the matrícula', async () => {
    const e = await alunoAbaixo('2027-03');
    await apurar('2027-03');
    const c = await eventually(async () => caso(e.id));
    await agir(c.id, 'registrar-ocorrencia', { ocorrencia: { tipo: 'obito', data: '2027-04-02' } });
    const fim = await t.env.client.workflow.getHandle(idWorkflowCaso(c.id)).result();
    expect(fim).toMatchObject({ situacao: 'encerrado', encerramento: 'obito' });
    const m = await t.db.selectFrom('matricula').select('situacao').where('estudante_id', '=', e.id).executeTakeFirstOrThrow();
    expect(m.situacao).toBe('obito');
  });

  it('no case for a student without an active matrícula at the school, nor for one with no minimum', async () => {
    const semMatricula = await estudante(t.db, { nascimento: '2015-06-10' });
    await frequencia(t.db, semMatricula.id, inep, '2027-05', 20, 5);
    // Born 2024: 3 years old in May 2027, below 4 → no minimum, never "below".
    const pequeno = await estudante(t.db, { nascimento: '2024-01-01' });
    await matricular(t.db, pequeno.id, inep, 2027);
    await frequencia(t.db, pequeno.id, inep, '2027-05', 20, 2);
    const r = await apurar('2027-05');
    expect(r).toMatchObject({ casosAbertos: 0, semMinimo: 1 });
    expect(await caso(semMatricula.id)).toBeUndefined();
    expect(await caso(pequeno.id)).toBeUndefined();
  });

  it('apura once each (school, month) the frequências lotes left in apuracao_pendente, and clears them', async () => {
    // The lotes write this table (db/migrations/2026_11_29_presenca_lotes.ts); created here as they do when they are not installed.
    await sql`create table if not exists apuracao_pendente (codigo_inep text not null, mes text not null, lote_id uuid not null, criado_em timestamptz not null default now(), primary key (codigo_inep, mes, lote_id))`.execute(t.db);
    const e = await alunoAbaixo('2027-06');
    // Two lotes touched the same school-month: one apuração.
    await sql`insert into apuracao_pendente (codigo_inep, mes, lote_id) values (${inep}, '2027-06', ${randomUUID()}), (${inep}, '2027-06', ${randomUUID()})`.execute(t.db);
    const feitos = await processarApuracoesPendentes(deps(), new Date(await t.agora()));
    expect(feitos).toEqual([expect.objectContaining({ codigoInep: inep, mes: '2027-06', apurados: 1, casosAbertos: 1 })]);
    expect(await caso(e.id)).toMatchObject({ mes_abertura: '2027-06', situacao: 'aberto' });
    const { rows } = await sql<{ n: string }>`select count(*) as n from apuracao_pendente`.execute(t.db);
    expect(Number(rows[0]!.n)).toBe(0);
    expect(await processarApuracoesPendentes(deps())).toEqual([]);

    // Two instances at once (two API processes) each claim different pairs: every pair apurado exactly once.
    await sql`insert into apuracao_pendente (codigo_inep, mes, lote_id) values (${inep}, '2027-07', ${randomUUID()}), (${inep}, '2027-08', ${randomUUID()})`.execute(t.db);
    const [a, b] = await Promise.all([processarApuracoesPendentes(deps()), processarApuracoesPendentes(deps())]);
    expect([...a!, ...b!].map((f) => f.mes).sort()).toEqual(['2027-07', '2027-08']);
  });

  it('a matrícula moved by another path (a movimentações lote) reaches the open case as an occurrence of the system', async () => {
    const e = await alunoAbaixo('2027-09');
    await apurar('2027-09');
    const c = await eventually(async () => caso(e.id));
    // The network reports the death through its matrícula (seed 001's movements), not through the case.
    await t.db.updateTable('matricula').set({ situacao: 'obito', fim: '2027-10-04' }).where('estudante_id', '=', e.id).execute();
    expect(await sincronizarOcorrenciasDasMatriculas(deps(), new Date(await t.agora()))).toBe(1);
    const fim = await t.env.client.workflow.getHandle(idWorkflowCaso(c.id)).result();
    expect(fim).toMatchObject({ situacao: 'encerrado', encerramento: 'obito' });
    const ev = await t.db.selectFrom('caso_frequencia_evento').select(['tipo', 'ator']).where('caso_id', '=', c.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(ev).toEqual({ tipo: 'encerrado', ator: 'sistema' });
    // Closed, it is not told again.
    await eventually(async () => ((await caso(e.id))?.situacao === 'encerrado' ? true : undefined));
    expect(await sincronizarOcorrenciasDasMatriculas(deps(), new Date(await t.agora()))).toBe(0);
  });

  it('a month without dias letivos neither opens nor closes a case; a student past the minimum’s age band closes his', async () => {
    const e = await alunoAbaixo('2027-10');
    await apurar('2027-10');
    const c = await eventually(async () => caso(e.id));
    // November with 0 dias letivos (the school's calendar, art. 2º § 1º): no índice, nothing told.
    await frequencia(t.db, e.id, inep, '2027-11', 0, 0);
    expect(await apurar('2027-11')).toMatchObject({ apurados: 1, casosAvisados: 0 });
    expect((await caso(e.id))!.situacao).toBe('aberto');
    // The family reports basic education concluded at 18: from then on art. 9º II c sets no minimum.
    const adulto = await estudante(t.db, { nascimento: '2009-01-15' });
    await matricular(t.db, adulto.id, inep, 2027);
    await frequencia(t.db, adulto.id, inep, '2027-10', 20, 5);
    await apurar('2027-10');
    const ca = await eventually(async () => caso(adulto.id));
    await t.db.updateTable('estudante').set({ educacao_basica_concluida: true }).where('id', '=', adulto.id).execute();
    await frequencia(t.db, adulto.id, inep, '2027-12', 20, 5);
    await apurar('2027-12');
    expect(await t.env.client.workflow.getHandle(idWorkflowCaso(ca.id)).result()).toMatchObject({ encerramento: 'sem-minimo' });
    expect(c.id).not.toBe(ca.id);
  });
});
