/**
 * The credenciamento of an external user (seed 002, IN SEI-MEC arts. 16–19) on
 * the pedido engine of the Sistema Presença, on the time-skipping server: the
 * analysis within 5 dias úteis from the protocol, restarting at each new sending
 * after a pendência (art. 16 §§ 3º–4º); the approval creates the representação;
 * the procuração's expiry ends it on its date (a durable timer); the desativação
 * of art. 19 ends the account, its sessions and its representações.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mensagem } from '../../api/contas/correio';
import { atorDoUsuario } from '../../api/auth/contas';
import { escopoDe } from '../../api/auth/escopo';
import { criarSessao } from '../../api/auth/sessao';
import { criarRepresentacao } from '../../api/contas/service';
import { agirNaHabilitacao, type DadosPreCadastro, SHA256_TERMO_USUARIO_EXTERNO } from '../../api/habilitacoes/service';
import { obterHabilitacao } from '../../db/habilitacoes';
import { idWorkflowHabilitacao } from '../../workflows/habilitacao/definitions';
import { novoCpf, PDF, protocolar } from '../habilitacao/apoio';
import { eventually } from '../support/eventualmente';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';

let t: WorkflowTestEnv;
const caixa: Mensagem[] = [];
const administrador = { id: 'adm-1', nome: 'Administradora do rito' };

beforeAll(async () => {
  t = await startWorkflowEnv({ correio: { real: true, enviar: async (m) => void caixa.push(m) } });
}, 120_000);
afterAll(async () => t?.stop());

const mensagensPara = (email: string) => caixa.filter((m) => m.para === email);
const pedido = async (id: string) => (await obterHabilitacao(t.db, id))!;
const eventos = (id: string) => t.db.selectFrom('habilitacao_evento').select(['tipo', 'em', 'descricao']).where('habilitacao_id', '=', id).orderBy('seq').execute();

let cnpjSeq = 0;
/** A CNPJ-shaped key per test (the credenciamento does not check its digits beyond the schema the API applies). */
const novoCnpj = () => `112223330001${String(10 + ++cnpjSeq).slice(-2)}`;

function credenciamento(extra: Partial<DadosPreCadastro['representacao']> = {}, tipo: 'representante-legal' | 'procurador' = 'procurador'): DadosPreCadastro {
  const cpf = novoCpf();
  return {
    perfil: 'representante',
    nome: `Procuradora ${cpf.slice(0, 4)}`,
    cpf,
    email: `rl${cpf}@escola.exemplo.org`,
    uf: 'RJ',
    aceitaTermo: true,
    documentos: [
      { tipo: 'ato-constitutivo', nomeOriginal: 'contrato-social.pdf', conteudo: PDF },
      ...(tipo === 'procurador' ? [{ tipo: 'procuracao', nomeOriginal: 'procuracao.pdf', conteudo: PDF }] : []),
    ],
    representacao: { cnpj: novoCnpj(), instituicaoNome: 'Colégio Exemplo', tipo, ate: null, processos: null, ...extra },
  };
}

describe('credenciamento de usuário externo', () => {
  it('analysis within 5 dias úteis of the protocol on the administração’s calendar; a pendência and a new procuração restart the count; the approval creates the representação, which the procuração’s expiry ends on its date', async () => {
    // Protocol on Monday 19/04/2027 at 10:00 (-03:00), analysed on the calendar of Rio de Janeiro/RJ
    // (rules/habilitacao/prazo.ts LOCAL_DA_ADMINISTRACAO). Day 1 = Tue 20/04; Wed 21/04 is Tiradentes
    // (national); day 2 = Thu 22/04; Fri 23/04 is São Jorge (Lei Estadual RJ 5.198/2008); Sat/Sun skipped;
    // day 3 = Mon 26/04, day 4 = Tue 27/04, day 5 = Wed 28/04: limit 28/04/2027 23:59:59 -03:00 = 29/04 02:59:59Z.
    await t.saltarAte('2027-04-19T13:00:00.000Z');
    const d = credenciamento({ ate: '2027-05-31' });
    const { id } = await protocolar(t.db, t.env.client, t.taskQueue, d, new Date(await t.agora()));
    await eventually(async () => ((await pedido(id)).prazo_analise ? true : undefined));
    const h0 = await pedido(id);
    expect(h0.prazo_analise!.toISOString()).toBe('2027-04-29T02:59:59.000Z');
    expect(h0).toMatchObject({ habilitador: 'administrador', lugar: d.representacao!.cnpj, termo_sha256: SHA256_TERMO_USUARIO_EXTERNO });
    await eventually(async () => (mensagensPara(d.email).some((m) => /http:\/\/rito\.teste\/credenciamento\/[0-9a-f-]+#\S+/.test(m.texto)) ? true : undefined));

    // Pendência on Tue 27/04 (the procuração ends before the analysis could reasonably end); the requester
    // sends a new procuração, valid until Wed 30/06/2027, on Wed 28/04 at 15:00 (-03:00). Counted again from
    // that sending (art. 16 § 4º): day 1 = Thu 29/04, day 2 = Fri 30/04, Sat 01/05 and Sun skipped,
    // day 3 = Mon 03/05, day 4 = Tue 04/05, day 5 = Wed 05/05: limit 05/05/2027 23:59:59 -03:00 = 06/05 02:59:59Z.
    await t.saltarAte('2027-04-27T13:00:00.000Z');
    await agirNaHabilitacao(t.env.client, id, { acao: 'apontar-pendencia', ator: administrador, em: await t.agora(), chave: 'p1', pendencias: ['Procuração com validade até 31/05/2027: envie procuração vigente'] });
    expect((await pedido(id)).fase).toBe('pendente');
    await eventually(async () => (mensagensPara(d.email).some((m) => /envie procuração vigente/.test(m.texto)) ? true : undefined));
    await t.saltarAte('2027-04-28T18:00:00.000Z');
    const reenvio = await agirNaHabilitacao(t.env.client, id, {
      acao: 'reenviar',
      ator: { id: h0.usuario_id, nome: d.nome },
      em: await t.agora(),
      chave: 'r1',
      documentos: [{ tipo: 'procuracao', arquivoId: 'a2', sha256: 'c'.repeat(64), nomeOriginal: 'procuracao-nova.pdf', enviadoEm: await t.agora() }],
      representacao: { ate: '2027-06-30', processos: null },
    });
    expect(reenvio.fase).toBe('em-analise');
    await eventually(async () => ((await pedido(id)).prazo_analise?.toISOString() === '2027-05-06T02:59:59.000Z' ? true : undefined));
    expect((await pedido(id)).representacao).toMatchObject({ ate: '2027-06-30' });

    // Approved on Wed 05/05 at 14:00 (-03:00): the account gets the role and the representação exists from
    // that instant until the end of 30/06/2027, i.e. 01/07/2027 00:00 -03:00 = 03:00Z (fim exclusive).
    await t.saltarAte('2027-05-05T17:00:00.000Z');
    const aprovadoEm = await t.agora();
    const r = await agirNaHabilitacao(t.env.client, id, { acao: 'habilitar', ator: administrador, em: aprovadoEm, chave: 'a1' });
    expect(r.fase).toBe('habilitado');
    const rep = await t.db.selectFrom('representacao').selectAll().where('habilitacao_id', '=', id).executeTakeFirstOrThrow();
    expect(rep).toMatchObject({ usuario_id: h0.usuario_id, instituicao_cnpj: d.representacao!.cnpj, tipo: 'procurador', processos: null, criado_por: administrador.id });
    expect(rep.inicio.toISOString()).toBe(aprovadoEm);
    expect(rep.fim!.toISOString()).toBe('2027-07-01T03:00:00.000Z');
    const conta = await t.db.selectFrom('usuario').select(['papeis', 'ativo']).where('id', '=', h0.usuario_id).executeTakeFirstOrThrow();
    expect(conta).toEqual({ papeis: ['representante'], ativo: true });
    await eventually(async () => (mensagensPara(d.email).some((m) => /credenciamento de usuário externo aprovado/.test(m.assunto)) ? true : undefined)).catch((e) => {
      throw new Error(`${e}\n${JSON.stringify(mensagensPara(d.email).map((m) => m.assunto))}`);
    });
    const aprovacao = mensagensPara(d.email).find((m) => /aprovado/.test(m.assunto))!;
    expect(aprovacao.texto).toMatch(/redefinir-senha#/);
    expect(aprovacao.texto).toContain('procurador(a) de Colégio Exemplo');
    expect(aprovacao.texto).toContain('em todos os processos da instituição, até 30/06/2027');
    expect((await atorDoUsuario(t.db, h0.usuario_id, new Date(await t.agora())))!.instituicoes).toEqual([d.representacao!.cnpj]);

    // The last second of 30/06 the representation still holds; at 00:00 of 01/07 the workflow's timer ends it.
    await t.saltarAte('2027-07-01T02:59:59.000Z');
    expect((await pedido(id)).fase).toBe('habilitado');
    await t.saltarAte('2027-07-01T03:00:05.000Z');
    const fim = await t.env.client.workflow.getHandle(idWorkflowHabilitacao(id)).result();
    expect(fim.fase).toBe('vencido');
    const h = await pedido(id);
    expect(h).toMatchObject({ situacao: 'vencido', fase: 'vencido', encerrado_por: 'sistema' });
    expect(h.encerrado_em!.toISOString()).toBe('2027-07-01T03:00:00.000Z');
    const vencido = (await eventos(id)).find((e) => e.tipo === 'vencido')!;
    expect(vencido.em.toISOString()).toBe('2027-07-01T03:00:00.000Z');
    expect(vencido.descricao).toMatch(/Procuração válida até 30\/06\/2027/);
    const depois = await t.db.selectFrom('representacao').select(['fim', 'motivo_fim']).where('habilitacao_id', '=', id).executeTakeFirstOrThrow();
    expect(depois.fim!.toISOString()).toBe('2027-07-01T03:00:00.000Z');
    expect(depois.motivo_fim).toMatch(/vencimento/);
    expect((await t.db.selectFrom('usuario').select('papeis').where('id', '=', h0.usuario_id).executeTakeFirstOrThrow()).papeis).toEqual([]);
    expect((await eventos(id)).map((e) => e.tipo)).toEqual(['pre-cadastro', 'pendencia', 'reenvio', 'habilitado', 'vencido']);
    await eventually(async () => (mensagensPara(d.email).some((m) => /credenciamento de usuário externo encerrado/.test(m.assunto)) ? true : undefined));
  });

  it('a procuração limited to named processes reaches only those; the desativação of art. 19 ends the account, its sessions and representações, with the reason', async () => {
    const d = credenciamento({ processos: ['SEI-030001/016815/2024'] });
    const { id } = await protocolar(t.db, t.env.client, t.taskQueue, d, new Date(await t.agora()));
    const usuarioId = (await pedido(id)).usuario_id;
    // The Presença's way of ending does not apply to a credenciamento, and vice versa.
    await agirNaHabilitacao(t.env.client, id, { acao: 'habilitar', ator: administrador, em: await t.agora(), chave: 'h' });
    await expect(agirNaHabilitacao(t.env.client, id, { acao: 'excluir', ator: administrador, em: await t.agora(), chave: 'x', motivo: 'teste' })).rejects.toThrow(/use "desativar"/);

    // Two processes of the institution; the procuração names one of them by its SEI number.
    const base = { tipo: 'apostilamento-endereco', instituicao_cnpj: d.representacao!.cnpj, instituicao_codigo_inep: '33000001', instituicao_nome: 'Colégio Exemplo', unidade: 'METROPOLITANA I', requerente_nome: 'R', requerente_cpf: '52998224725', requerente_email: 'r@e.org', aberto_por: 'teste', ordinal: 1, fase: 'requerimento', versao: 1 };
    await t.db.insertInto('processo').values([
      { ...base, id: `proc-nomeado-${id}`, chave: `a-${id}`, numero_sei: 'SEI-030001/016815/2024' },
      { ...base, id: `proc-outro-${id}`, chave: `b-${id}`, numero_sei: 'SEI-030001/016816/2024' },
    ]).execute();
    const ator = (await atorDoUsuario(t.db, usuarioId, new Date(await t.agora())))!;
    expect(ator.instituicoes).toEqual([]);
    expect(escopoDe(ator)).toMatchObject({ tudo: false, cnpjs: [], processos: [`proc-nomeado-${id}`] });

    // The same person also represents a second institution, by another credenciamento (the same account).
    const segunda = await protocolar(t.db, t.env.client, t.taskQueue, { ...credenciamento(), cpf: d.cpf, nome: d.nome, email: d.email }, new Date(await t.agora()));
    expect((await pedido(segunda.id)).usuario_id).toBe(usuarioId);
    await agirNaHabilitacao(t.env.client, segunda.id, { acao: 'habilitar', ator: administrador, em: await t.agora(), chave: 'h2' });
    expect((await atorDoUsuario(t.db, usuarioId, new Date(await t.agora())))!.instituicoes).toHaveLength(1);

    await criarSessao(t.db, usuarioId, { ip: null, userAgent: null });
    expect(await t.db.selectFrom('sessao').select('id').where('usuario_id', '=', usuarioId).where('encerrada_em', 'is', null).execute()).toHaveLength(1);
    await expect(agirNaHabilitacao(t.env.client, id, { acao: 'desativar', ator: administrador, em: await t.agora(), chave: 'd' })).rejects.toThrow(/Informe o motivo/);
    const em = await t.agora();
    const r = await agirNaHabilitacao(t.env.client, id, { acao: 'desativar', ator: administrador, em, chave: 'd', motivo: 'Procuração com indício de falsificação' });
    expect(r.fase).toBe('desativado');
    expect(await pedido(id)).toMatchObject({ situacao: 'desativado', motivo_encerramento: 'Procuração com indício de falsificação', encerrado_por: administrador.id });
    expect((await t.db.selectFrom('usuario').select(['ativo', 'papeis']).where('id', '=', usuarioId).executeTakeFirstOrThrow())).toEqual({ ativo: false, papeis: [] });
    const rep = await t.db.selectFrom('representacao').select(['fim', 'motivo_fim']).where('habilitacao_id', '=', id).executeTakeFirstOrThrow();
    expect(rep.fim!.toISOString()).toBe(em);
    expect(rep.motivo_fim).toBe('Procuração com indício de falsificação');
    expect(await t.db.selectFrom('sessao').select('id').where('usuario_id', '=', usuarioId).where('encerrada_em', 'is', null).execute()).toEqual([]);
    expect(await atorDoUsuario(t.db, usuarioId)).toBeNull();
    expect((await t.env.client.workflow.getHandle(idWorkflowHabilitacao(id)).result()).fase).toBe('desativado');
    // The cadastro is the person's (art. 16): his other credenciamento ends with the same act, and its workflow records it.
    expect(await pedido(segunda.id)).toMatchObject({ situacao: 'desativado', motivo_encerramento: 'Procuração com indício de falsificação' });
    expect((await t.env.client.workflow.getHandle(idWorkflowHabilitacao(segunda.id)).result()).fase).toBe('desativado');
    expect((await t.db.selectFrom('representacao').select('fim').where('habilitacao_id', '=', segunda.id).executeTakeFirstOrThrow()).fim!.toISOString()).toBe(em);

    // A new pré-cadastro with the deactivated account's e-mail is refused, field by field.
    const outra = await protocolar(t.db, t.env.client, t.taskQueue, { ...credenciamento(), email: d.email }, new Date(await t.agora())).catch((e) => e);
    expect(outra.campos).toEqual([{ campo: 'email', mensagem: expect.stringMatching(/desativado \(IN SEI-MEC, art\. 19\)/) }]);
  });

  it('the expiry of a credenciamento keeps the role while a representação registered by the administração is in force', async () => {
    // Valid through the 10th day from now (Brasília): it ends at 00:00 -03:00 of the day after, i.e. 03:00Z.
    const agora = Date.parse(await t.agora());
    const ate = new Date(agora - 3 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
    const fim = `${new Date(Date.parse(`${ate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T03:00:00.000Z`;
    const d = credenciamento({ ate });
    const { id } = await protocolar(t.db, t.env.client, t.taskQueue, d, new Date(agora));
    await agirNaHabilitacao(t.env.client, id, { acao: 'habilitar', ator: administrador, em: await t.agora(), chave: 'h' });
    const usuarioId = (await pedido(id)).usuario_id;
    expect((await t.db.selectFrom('representacao').select('fim').where('habilitacao_id', '=', id).executeTakeFirstOrThrow()).fim!.toISOString()).toBe(fim);
    await criarRepresentacao(t.db, { usuarioId, cnpj: '11444777000161', nome: 'Outra Escola', tipo: 'representante-legal', inicio: new Date(agora), fim: null, documento: 'cadastrada pela administração' }, administrador.id);
    await t.saltarAte(new Date(Date.parse(fim) + 5000).toISOString());
    expect((await t.env.client.workflow.getHandle(idWorkflowHabilitacao(id)).result()).fase).toBe('vencido');
    expect((await t.db.selectFrom('usuario').select('papeis').where('id', '=', usuarioId).executeTakeFirstOrThrow()).papeis).toEqual(['representante']);
    expect((await atorDoUsuario(t.db, usuarioId, new Date(await t.agora())))!.instituicoes).toEqual(['11444777000161']);
  });

  it('a pré-cadastro without what the seed requires is refused field by field', async () => {
    // A procurador without the procuração, without accepting the terms of art. 17, with a procuração already over.
    const d = credenciamento({ ate: '2020-01-31' });
    const erro = await protocolar(t.db, t.env.client, t.taskQueue, { ...d, aceitaTermo: false, documentos: d.documentos.filter((x) => x.tipo !== 'procuracao') }, new Date(await t.agora())).catch((e) => e);
    expect(erro.statusCode).toBe(400);
    expect(erro.campos.map((c: { campo: string }) => c.campo)).toEqual(['documentos', 'representacao.ate', 'aceitaTermo']);
    // A representante legal represents the institution in every process: naming processes is a procuração's.
    const rl = credenciamento({ processos: ['SEI-030001/016815/2024'] }, 'representante-legal');
    expect((await protocolar(t.db, t.env.client, t.taskQueue, rl, new Date(await t.agora())).catch((e) => e)).campos).toEqual([
      { campo: 'representacao.processos', mensagem: expect.stringMatching(/só numa procuração/) },
    ]);
    expect(await t.db.selectFrom('habilitacao').select('id').where('cpf', 'in', [d.cpf, rl.cpf]).execute()).toEqual([]);
  });
});
