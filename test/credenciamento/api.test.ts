/**
 * The credenciamento of an external user through the API, with the real worker,
 * Temporal, PostgreSQL and SMTP (seed 002, IN SEI-MEC arts. 16–19): the
 * representante legal registers himself with his documents and the terms of
 * art. 17, gets the protocol e-mail, answers a pendência by the link's secret,
 * is approved by the administração, sets his password by the e-mailed link and
 * then sees his institution's processes, and only them. A procurador limited
 * to one named process sees that one only; a deactivated account (art. 19)
 * loses its session at once.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import { SHA256_TERMO_USUARIO_EXTERNO } from '../../api/habilitacoes/service';
import { abrirProcesso } from '../support/abertura';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { novoCpf, PDF } from '../habilitacao/apoio';

let s: TestSystem;
beforeAll(async () => {
  s = await startTestSystem();
}, 120_000);
afterAll(async () => s?.stop());

const CNPJ = '11222333000181';
const OUTRO_CNPJ = '11444777000161';
const inep = () => String(33_000_000 + Math.floor(Math.random() * 999_999)).padStart(8, '0');
const pdf = (tipo: string, nome: string) => ({ tipo, nomeOriginal: nome, conteudoBase64: PDF.toString('base64') });
const chave = () => `k-${randomBytes(8).toString('hex')}`;
const segredoDoLink = (id: string, texto: string) => new RegExp(`https://rito\\.test/credenciamento/${id}#(\\S+)`).exec(texto)?.[1];

let administrador: Conta;
let processosDaInstituicao: string[];
let processoDeOutra: string;

beforeAll(async () => {
  administrador = await s.conta({ papeis: ['administrador'], nome: 'Administradora do rito' });
  processosDaInstituicao = [await abrirProcesso(s, administrador, { cnpj: CNPJ, codigoInep: inep() }), await abrirProcesso(s, administrador, { cnpj: CNPJ, codigoInep: inep() })];
  processoDeOutra = await abrirProcesso(s, administrador, { cnpj: OUTRO_CNPJ, codigoInep: inep() });
}, 120_000);

/** Approval → the e-mail's password link → a password → a session. */
async function aprovarEEntrar(id: string, email: string): Promise<Conta> {
  const antes = s.smtp.mensagens.length;
  const r = await s.request('POST', `/v1/credenciamentos/${id}/aprovar`, { as: administrador, body: {}, headers: { 'idempotency-key': chave() } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body).toMatchObject({ acao: 'aprovar', fase: 'habilitado' });
  const aprovacao = await s.smtp.aguardar(email, { depoisDe: antes, timeoutMs: 20_000 });
  expect(aprovacao.assunto).toBe('rito: credenciamento de usuário externo aprovado');
  const token = /https:\/\/rito\.test\/redefinir-senha#([\w-]+)/.exec(aprovacao.texto)?.[1];
  expect(token, aprovacao.texto).toBeTruthy();
  const senha = `Credenciado-${randomBytes(6).toString('hex')}-ok`;
  expect((await s.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha } })).status).toBe(204);
  const sessao = await s.entrar(email, senha);
  return { id: '', nome: '', email, senha, papeis: ['representante'], ...sessao };
}

describe('credenciamento de usuário externo pela API', () => {
  it('refuses a pré-cadastro field by field, in Portuguese', async () => {
    const r = await s.request('POST', '/v1/credenciamentos', {
      body: { nome: 'Fulano', cpf: '111.111.111-12', email: 'x', instituicao: { cnpj: CNPJ, nome: 'Colégio' }, tipo: 'socio', documentos: [] },
    });
    expect(r.status).toBe(400);
    const campos = Object.fromEntries((r.body.erro.campos as { campo: string; mensagem: string }[]).map((c) => [c.campo, c.mensagem]));
    expect(Object.keys(campos)).toEqual(expect.arrayContaining(['cpf', 'email', 'tipo', 'aceitaTermo', 'documentos']));
    expect(campos.tipo).toMatch(/use representante-legal ou procurador/);
    expect(campos.documentos).toMatch(/envie os documentos que comprovam a representação/);

    // Valid in shape, but a procurador without the procuração, and the terms not accepted.
    const semProcuracao = await s.request('POST', '/v1/credenciamentos', {
      body: { nome: 'Fulana', cpf: novoCpf(), email: `f${randomBytes(3).toString('hex')}@escola.org`, instituicao: { cnpj: CNPJ, nome: 'Colégio' }, tipo: 'procurador', aceitaTermo: false, documentos: [pdf('ato-constitutivo', 'contrato.pdf')] },
    });
    expect(semProcuracao.status).toBe(400);
    expect(semProcuracao.body.erro.campos).toEqual([
      { campo: 'documentos', mensagem: expect.stringMatching(/^envie: Procuração/) },
      { campo: 'aceitaTermo', mensagem: expect.stringMatching(/Termo de aceitação das condições de uso/) },
    ]);
  });

  it('the representante legal credentials himself, answers a pendência, is approved, sets his password by the link and sees his institution’s processes', async () => {
    const termo = await s.request('GET', '/v1/credenciamentos/termo');
    expect(termo.status).toBe(200);
    expect(termo.body.termo).toMatchObject({ baseLegal: 'IN SEI-MEC (DOU 16/10/2025), arts. 16 a 19', sha256: SHA256_TERMO_USUARIO_EXTERNO });
    expect(termo.body.termo.texto).toContain('(art. 19)');

    const cpf = novoCpf();
    const email = `rl.${randomBytes(4).toString('hex')}@colegio.org`;
    const corpo = {
      nome: 'Roberto Representante',
      cpf,
      email,
      instituicao: { cnpj: '11.222.333/0001-81', nome: 'Colégio Exemplo' },
      tipo: 'representante-legal',
      aceitaTermo: true,
      documentos: [pdf('ato-constitutivo', 'contrato-social.pdf')],
    };
    const r = await s.request('POST', '/v1/credenciamentos', { body: corpo });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    // The same pré-cadastro sent again is the same pedido.
    const repetido = await s.request('POST', '/v1/credenciamentos', { body: corpo });
    expect(repetido.status).toBe(200);
    expect(repetido.body.id).toBe(id);

    const protocolo = await s.smtp.aguardar(email, { timeoutMs: 20_000 });
    expect(protocolo.assunto).toMatch(/pré-cadastro de Usuário externo/);
    expect(protocolo.texto).toMatch(/em até 5 dias úteis/);
    const acesso1 = segredoDoLink(id, protocolo.texto)!;
    expect(acesso1, protocolo.texto).toBeTruthy();
    const acompanhamento = await s.request('GET', `/v1/credenciamentos/${id}/acompanhamento`, { headers: { 'x-acesso-pedido': acesso1 } });
    expect(acompanhamento.status).toBe(200);
    expect(acompanhamento.body).toMatchObject({ fase: 'em-analise', situacao: 'pedido', representacao: { cnpj: CNPJ, tipo: 'representante-legal', ate: null, processos: null } });
    expect(acompanhamento.body.cpf).not.toContain(cpf.slice(3, 9));
    expect((await s.request('GET', `/v1/credenciamentos/${id}/acompanhamento`, { headers: { 'x-acesso-pedido': 'x'.repeat(40) } })).status).toBe(404);

    // Only the administração decides (IN SEI-MEC art. 16 § 2º).
    const inspetor = await s.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' });
    expect((await s.request('POST', `/v1/credenciamentos/${id}/aprovar`, { as: inspetor, body: {}, headers: { 'idempotency-key': chave() } })).status).toBe(403);
    const semChave = await s.request('POST', `/v1/credenciamentos/${id}/aprovar`, { as: administrador, body: {} });
    expect(semChave.status).toBe(400);
    expect(JSON.stringify(semChave.body)).toMatch(/Idempotency-Key/);

    // Pendência: by e-mail, with a new follow-up link (the previous one stops working).
    let antes = s.smtp.mensagens.length;
    const pend = await s.request('POST', `/v1/credenciamentos/${id}/apontar-pendencia`, {
      as: administrador,
      body: { pendencias: ['Envie a última alteração do contrato social, que nomeia o representante legal'] },
      headers: { 'idempotency-key': chave() },
    });
    expect(pend.status, JSON.stringify(pend.body)).toBe(200);
    expect(pend.body.fase).toBe('pendente');
    const exigencia = await s.smtp.aguardar(email, { depoisDe: antes, timeoutMs: 20_000 });
    expect(exigencia.texto).toContain('1. Envie a última alteração do contrato social');
    const acesso2 = segredoDoLink(id, exigencia.texto)!;
    expect((await s.request('GET', `/v1/credenciamentos/${id}/acompanhamento`, { headers: { 'x-acesso-pedido': acesso1 } })).status).toBe(404);

    // The new sending restarts the analysis; the same Idempotency-Key sends it once.
    const k = chave();
    const reenvio = () =>
      s.request('POST', `/v1/credenciamentos/${id}/reenvio`, { headers: { 'x-acesso-pedido': acesso2, 'idempotency-key': k }, body: { documentos: [pdf('ato-constitutivo', 'alteracao-contratual.pdf')] } });
    const re1 = await reenvio();
    expect(re1.status, JSON.stringify(re1.body)).toBe(200);
    expect(re1.body.fase).toBe('em-analise');
    expect((await reenvio()).body).toEqual(re1.body);

    const conta = await aprovarEEntrar(id, email);
    const eu = await s.request('GET', '/v1/eu', { as: conta });
    expect(eu.body.ator).toMatchObject({ papeis: ['representante'], instituicoes: [CNPJ] });
    const lista = await s.request('GET', '/v1/processos', { as: conta });
    expect(lista.status).toBe(200);
    expect((lista.body.itens as { id: string }[]).map((p) => p.id).sort()).toEqual([...processosDaInstituicao].sort());
    expect((await s.request('GET', `/v1/processos/${encodeURIComponent(processoDeOutra)}`, { as: conta })).status).toBe(404);

    // The administração reads the history, the accepted terms and the representação created at the approval.
    const lido = await s.request('GET', `/v1/credenciamentos/${id}`, { as: administrador });
    expect(lido.status).toBe(200);
    expect(lido.body).toMatchObject({ situacao: 'ativo', fase: 'habilitado', aprovadoPor: 'Administradora do rito', termo: { sha256: SHA256_TERMO_USUARIO_EXTERNO } });
    expect(lido.body.representacoes).toEqual([expect.objectContaining({ vigente: true, fim: null, processos: null, inicio: lido.body.aprovadoEm })]);
    expect(lido.body.eventos.map((e: { tipo: string }) => e.tipo)).toEqual(['pre-cadastro', 'pendencia', 'reenvio', 'habilitado']);
    const listagem = await s.request('GET', '/v1/credenciamentos?situacao=ativo', { as: administrador });
    expect(listagem.body.itens.find((x: { id: string }) => x.id === id)).toMatchObject({ nome: 'Roberto Representante', cpf: expect.stringMatching(/\*/) });

    await encadearPendentes(s.db); // a read's entry may still be in the outbox
    const trilha = await s.db.selectFrom('auditoria').select(['acao', 'ator_id']).where('recurso_id', '=', id).orderBy('seq').execute();
    expect(trilha.map((a) => a.acao)).toEqual(
      expect.arrayContaining(['credenciamento.protocolar', 'credenciamento.protocolar.repeticao', 'credenciamento.apontar-pendencia', 'credenciamento.reenviar', 'credenciamento.reenviar.repeticao', 'credenciamento.aprovar', 'credenciamento.ler']),
    );
    expect(trilha.find((a) => a.acao === 'credenciamento.aprovar')!.ator_id).toBe(administrador.id);

    // Signs of irregularity (art. 19): the account is deactivated and its session ends at once, the reason kept.
    antes = s.smtp.mensagens.length;
    const des = await s.request('POST', `/v1/credenciamentos/${id}/desativar`, { as: administrador, body: { motivo: 'Contrato social apresentado com indício de adulteração' }, headers: { 'idempotency-key': chave() } });
    expect(des.status, JSON.stringify(des.body)).toBe(200);
    expect((await s.request('GET', '/v1/processos', { as: conta })).status).toBe(401);
    expect((await s.smtp.aguardar(email, { depoisDe: antes, timeoutMs: 20_000 })).texto).toContain('Motivo: Contrato social apresentado com indício de adulteração');
  }, 120_000);

  it('a procurador whose procuração names one process sees that process only', async () => {
    await s.db.updateTable('processo').set({ numero_sei: 'SEI-030001/016815/2024' }).where('id', '=', processosDaInstituicao[0]).execute();
    const email = `proc.${randomBytes(4).toString('hex')}@advocacia.org`;
    const r = await s.request('POST', '/v1/credenciamentos', {
      body: {
        nome: 'Paula Procuradora',
        cpf: novoCpf(),
        email,
        instituicao: { cnpj: CNPJ, nome: 'Colégio Exemplo' },
        tipo: 'procurador',
        validaAte: '2099-12-31',
        processos: ['SEI 030001/016815/2024'],
        aceitaTermo: true,
        documentos: [pdf('ato-constitutivo', 'contrato-social.pdf'), pdf('procuracao', 'procuracao.pdf')],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await s.smtp.aguardar(email, { timeoutMs: 20_000 });
    const conta = await aprovarEEntrar(r.body.id, email);
    const lista = await s.request('GET', '/v1/processos', { as: conta });
    expect((lista.body.itens as { id: string }[]).map((p) => p.id)).toEqual([processosDaInstituicao[0]]);
    expect((await s.request('GET', `/v1/processos/${encodeURIComponent(processosDaInstituicao[1])}`, { as: conta })).status).toBe(404);
  }, 120_000);
});
