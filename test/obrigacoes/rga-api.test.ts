/**
 * The RGA of the EAD institutions through the API (issue 13; Deliberação CEE
 * nº 345/2014, alterada pela 368/2018, art. 66; seed 003, RGA alíneas d and e):
 * the COOIE records which institution offers EAD (audited), the representante
 * delivers each month's PDF, whose name rito checks part by part, recorded
 * with the instant and the SHA-256; the listing gives, per institution and
 * month, the due date (10th business day) and whether it was delivered, on
 * time or late, or is overdue — to the COOIE of the unit and to the supervisor.
 *
 * The API's clock is the test's (ApiDeps.relogio), set to instants of 2027, so
 * that on time, late and overdue do not depend on the day the test runs.
 *
 * Due dates derived by hand (Rio de Janeiro, METROPOLITANA I's seat):
 * - March 2027: 01/03 is a Monday; business days 1–5 and 8–12 March, no holiday
 *   (Carnival is 8–9 February, Good Friday 26 March, both outside): 10th = Friday 12/03/2027.
 * - April 2027: 01/04 is a Thursday; 1, 2, 5–9, 12, 13, 14 April (Tiradentes
 *   and São Jorge, 21 and 23 April, come after): 10th = Wednesday 14/04/2027.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import type { Papel } from '../../api/auth/ator';
import { criarRepresentacao, criarUsuario } from '../../api/contas/service';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';

const CNPJ = '11222333000181';
const INEP_EAD = `36${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const INEP_PRESENCIAL = `37${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const SENHA = `senha-de-teste-${randomUUID()}`;
const NOME_CERTO = 'RGA2027.MARÇO_ESCOLAEADEXEMPLO_METROPOLITANA I_RIODEJANEIRO.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Quem = 'rl' | 'inspetor' | 'outraCooie' | 'supervisor';
let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
/** The API's clock. */
let agora = Date.parse('2027-03-10T15:00:00-03:00');
const sessoes = {} as Record<Quem, { cookie: string; csrf: string }>;

async function pedir(metodo: string, caminho: string, como: Quem, corpo?: unknown) {
  const s = sessoes[como];
  const res = await fetch(baseUrl + caminho, {
    method: metodo,
    headers: { cookie: `rito_sessao=${s.cookie}`, ...(corpo === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': s.csrf }) },
    body: corpo === undefined ? undefined : JSON.stringify(corpo),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function entregar(inep: string, ano: number, mes: number, nome: string, conteudo: Buffer = PDF, tipo = 'application/pdf') {
  const form = new FormData();
  form.append('arquivo', new Blob([conteudo], { type: tipo }), nome);
  const res = await fetch(`${baseUrl}/v1/obrigacoes/rga/${inep}?ano=${ano}&mes=${mes}`, {
    method: 'POST',
    headers: { cookie: `rito_sessao=${sessoes.rl.cookie}`, 'x-csrf-token': sessoes.rl.csrf },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const listar = async (como: Quem, consulta: string) => {
  const r = await pedir('GET', `/v1/obrigacoes/rga?${consulta}`, como);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.itens as { instituicao: { codigoInep: string }; mes: number; vencimento: string; situacao: string; entregueEm: string | null; arquivo: { sha256: string } | null; nomeEsperado: string }[];
};
const daEscola = (itens: Awaited<ReturnType<typeof listar>>, inep = INEP_EAD) => itens.filter((i) => i.instituicao.codigoInep === inep).map((i) => [i.mes, i.vencimento, i.situacao]);

beforeAll(async () => {
  w = await startWorkflowEnv();
  const pessoas: Record<Quem, { papeis: Papel[]; unidade: string | null }> = {
    rl: { papeis: ['representante'], unidade: null },
    inspetor: { papeis: ['inspetor'], unidade: 'METROPOLITANA I' },
    outraCooie: { papeis: ['inspetor'], unidade: 'SERRANA I' },
    supervisor: { papeis: ['supervisor'], unidade: null },
  };
  const emails = {} as Record<Quem, string>;
  for (const [quem, p] of Object.entries(pessoas) as [Quem, (typeof pessoas)[Quem]][]) {
    emails[quem] = `${quem}.${randomUUID().slice(0, 6)}@rito.test`;
    const u = await criarUsuario(w.db, { nome: `Pessoa ${quem}`, email: emails[quem], papeis: p.papeis, unidade: p.unidade, senha: SENHA }, 'teste');
    if (quem === 'rl') {
      await criarRepresentacao(w.db, { usuarioId: u.id, cnpj: CNPJ, nome: 'Escola EAD Exemplo', tipo: 'representante-legal', inicio: new Date(Date.now() - 365 * 86_400_000), fim: null, documento: null }, 'teste');
    }
  }
  app = await buildApp({ db: w.db, temporal: w.env.client, taskQueue: w.taskQueue, autenticador: createAutenticador(w.db), relogio: () => agora });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  for (const quem of Object.keys(pessoas) as Quem[]) {
    const res = await fetch(`${baseUrl}/v1/sessoes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: emails[quem], senha: SENHA }) });
    expect(res.status).toBe(201);
    sessoes[quem] = { cookie: /rito_sessao=([^;]*)/.exec(res.headers.getSetCookie().join('\n'))![1]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  // Two schools of the RL known to rito through a process each.
  for (const [inep, nome] of [[INEP_EAD, 'Escola EAD Exemplo'], [INEP_PRESENCIAL, 'Escola Presencial']] as const) {
    const r = await pedir('POST', '/v1/processos', 'rl', {
      tipo: 'apostilamento-endereco',
      instituicao: { cnpj: CNPJ, codigoInep: inep, nome, endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
      unidade: 'METROPOLITANA I',
      requerente: { nome: 'Requerente', cpf: '529.982.247-25', email: 'req@example.org' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
}, 240_000);

afterAll(async () => {
  await app?.close();
  await w?.stop();
});

describe('RGA das instituições de EAD', () => {
  it('the COOIE records the EAD offer (audited, history kept); a representante may not', async () => {
    const negado = await pedir('PUT', `/v1/instituicoes/${INEP_EAD}/ead`, 'rl', { ead: true, desde: '2027-02-15', ato: 'Parecer CEE nº 12/2027' });
    expect(negado.status).toBe(403);
    const fora = await pedir('PUT', `/v1/instituicoes/${INEP_EAD}/ead`, 'outraCooie', { ead: true, desde: '2027-02-15', ato: 'Parecer CEE nº 12/2027' });
    expect(fora.status).toBe(404);
    const semAto = await pedir('PUT', `/v1/instituicoes/${INEP_EAD}/ead`, 'inspetor', { ead: true, desde: '2027-02-15', ato: '' });
    expect(semAto.status).toBe(400);
    expect(JSON.stringify(semAto.body)).toContain('informe o ato que fundamenta o registro');
    const foraDoCalendario = await pedir('PUT', `/v1/instituicoes/${INEP_EAD}/ead`, 'inspetor', { ead: true, desde: '2005-02-15', ato: 'Parecer CEE nº 12/2005' });
    expect(foraDoCalendario.status).toBe(400);
    expect(JSON.stringify(foraDoCalendario.body)).toContain('data fora do calendário do rito: use de 2010 a 2099');

    const r = await pedir('PUT', `/v1/instituicoes/${INEP_EAD}/ead`, 'inspetor', { ead: true, desde: '2027-02-15', ato: 'Parecer CEE nº 12/2027 (credenciamento para EAD)' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // The same record again changes nothing.
    const deNovo = await pedir('PUT', `/v1/instituicoes/${INEP_EAD}/ead`, 'inspetor', { ead: true, desde: '2027-02-15', ato: 'Parecer CEE nº 12/2027 (credenciamento para EAD)' });
    expect(deNovo.body.historico).toHaveLength(1);
    const trilha = await w.db.selectFrom('auditoria').select(['acao', 'resumo']).where('recurso_id', '=', INEP_EAD).where('acao', 'like', 'instituicao.ead.%').orderBy('seq').execute();
    expect(trilha.map((t) => t.acao)).toEqual(['instituicao.ead.registrar', 'instituicao.ead.registrar.repeticao']);
    expect(trilha[0]!.resumo).toContain('a partir de seg 15/02/2027');
  });

  it('checks the file name part by part, records the delivery with its instant and SHA-256, and a resend is the same delivery', async () => {
    // The offer began on 15/02: February's RGA (its first day without EAD) is not owed; March's is.
    expect(daEscola(await listar('inspetor', 'ano=2027&mes=2'))).toEqual([]);
    const errado = await entregar(INEP_EAD, 2027, 3, 'rga2027.MARCO_Escola EAD Exemplo_METROPOLITANA I_RIODEJANEIRO.pdf');
    expect(errado.status).toBe(400);
    const problemas = (errado.body.erro.campos as { campo: string; mensagem: string }[]).map((c) => c.mensagem);
    expect(problemas).toEqual([
      'Escreva RGA em maiúsculas; está "rga".',
      'O mês deve ser escrito MARÇO (em maiúsculas, com acento, se houver); está "MARCO".',
      'O nome fantasia deve ser ESCOLAEADEXEMPLO (sem espaços, em maiúsculas); está "Escola EAD Exemplo".',
    ]);
    // The presencial school owes no RGA.
    const semObrigacao = await entregar(INEP_PRESENCIAL, 2027, 3, 'RGA2027.MARÇO_ESCOLAPRESENCIAL_METROPOLITANA I_RIODEJANEIRO.pdf');
    expect(semObrigacao.status).toBe(409);
    expect(semObrigacao.body.erro.mensagem).toMatch(/não consta como oferecendo educação a distância em 01\/03\/2027/);
    // April's cannot be delivered on 10 March.
    expect((await entregar(INEP_EAD, 2027, 4, 'RGA2027.ABRIL_ESCOLAEADEXEMPLO_METROPOLITANA I_RIODEJANEIRO.pdf')).status).toBe(409);

    const certo = await entregar(INEP_EAD, 2027, 3, NOME_CERTO);
    expect(certo.status, JSON.stringify(certo.body)).toBe(201);
    expect(certo.body).toMatchObject({
      codigoInep: INEP_EAD,
      ano: 2027,
      mes: 3,
      titulo: 'RGA de março/2027',
      vencimento: '2027-03-12',
      noPrazo: true,
      entregueEm: '2027-03-10T15:00:00-03:00',
      arquivo: { nome: NOME_CERTO, sha256: createHash('sha256').update(PDF).digest('hex') },
    });
    const reenvio = await entregar(INEP_EAD, 2027, 3, NOME_CERTO);
    expect(reenvio.status).toBe(200);
    expect(reenvio.body.id).toBe(certo.body.id);
    expect(await w.db.selectFrom('rga_entrega').select('id').where('codigo_inep', '=', INEP_EAD).execute()).toHaveLength(1);
    const trilha = await w.db.selectFrom('auditoria').select(['acao', 'dados']).where('recurso_id', '=', INEP_EAD).where('acao', 'like', 'obrigacao.rga.%').orderBy('seq').execute();
    expect(trilha.map((t) => t.acao)).toEqual(['obrigacao.rga.entregar', 'obrigacao.rga.entregar.repeticao']);
    expect(trilha[0]!.dados).toMatchObject({ sha256: certo.body.arquivo.sha256, recebidoEm: '2027-03-10T15:00:00-03:00' });

    // On 10 March: March delivered on time, April not yet due; no item for the presencial school.
    const itens = await listar('inspetor', 'ano=2027');
    expect(daEscola(itens).slice(0, 2)).toEqual([
      [3, '2027-03-12', 'entregue'],
      [4, '2027-04-14', 'a-vencer'],
    ]);
    expect(daEscola(itens)).toHaveLength(10); // March to December
    expect(daEscola(itens, INEP_PRESENCIAL)).toEqual([]);
    expect(itens.find((i) => i.instituicao.codigoInep === INEP_EAD && i.mes === 3)!.nomeEsperado).toBe(NOME_CERTO.replace(/\.pdf$/, ''));
  });

  it('an RGA not delivered by the 10th business day is overdue for the COOIE and the supervisor; delivered afterwards, it is late', async () => {
    agora = Date.parse('2027-04-20T10:00:00-03:00');
    for (const quem of ['inspetor', 'supervisor', 'rl'] as const) {
      expect(daEscola(await listar(quem, 'ano=2027&situacao=em-atraso')), quem).toEqual([[4, '2027-04-14', 'em-atraso']]);
    }
    // Another COOIE does not see this school's.
    expect(daEscola(await listar('outraCooie', 'ano=2027&situacao=em-atraso'))).toEqual([]);

    const tarde = await entregar(INEP_EAD, 2027, 4, 'RGA2027.ABRIL_ESCOLAEADEXEMPLO_METROPOLITANA I_RIODEJANEIRO.pdf', Buffer.concat([PDF, Buffer.from('% abril\n')]));
    expect(tarde.status, JSON.stringify(tarde.body)).toBe(201);
    expect(tarde.body.noPrazo).toBe(false);
    expect(daEscola(await listar('supervisor', 'ano=2027&mes=4'))).toEqual([[4, '2027-04-14', 'entregue-com-atraso']]);

    // The offer ends on 15 June: June's RGA (EAD on its first day) is still owed, July's is not.
    expect((await pedir('PUT', `/v1/instituicoes/${INEP_EAD}/ead`, 'inspetor', { ead: false, desde: '2027-06-15', ato: 'Comunicação de encerramento da oferta de EAD' })).status).toBe(200);
    expect(daEscola(await listar('inspetor', 'ano=2027')).map(([mes]) => mes)).toEqual([3, 4, 5, 6]);
  });

  it('refuses what is not a PDF and a bad month, in Portuguese', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const r = await entregar(INEP_EAD, 2027, 4, 'RGA2027.ABRIL_ESCOLAEADEXEMPLO_METROPOLITANA I_RIODEJANEIRO.pdf', png, 'image/png');
    expect(r.status).toBe(415);
    const mes = await pedir('GET', '/v1/obrigacoes/rga?ano=2027&mes=13', 'inspetor');
    expect(mes.status).toBe(400);
    expect(JSON.stringify(mes.body)).toContain('mês inválido: use de 1 a 12');
  });
});
