/**
 * Issue 17, defect 9: weak passwords are refused (ASVS 6.2.4): the most common
 * and breached ones (and their obvious variants), repetitions and sequences,
 * and ones containing the account's e-mail or name; length stays ≥ 12.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemasDaSenha } from '../../api/auth/politica-senha';
import { emitirTokenSenha } from '../../api/contas/service';
import { startTestSystem, type TestSystem } from '../support/system';

describe('password policy', () => {
  it.each([
    ['aaaaaaaaaaaa', /repete poucos caracteres/],
    ['123456789012', /mais usadas e vazadas/],
    ['abababababab', /repete poucos caracteres/],
    ['qwertyuiopas', /sequência do teclado/],
    ['987654321098', /sequência/],
    ['password1234', /mais usadas/],
    ['P@ssw0rd2024!', /letras trocadas, repetida ou com números/],
    ['dragon123456', /letras trocadas, repetida ou com números/],
    ['senhasenhasenha', /letras trocadas, repetida/],
    ['1q2w3e4r5t6y', /mais usadas/],
  ])('refuses %s', (senha, motivo) => {
    expect(problemasDaSenha(senha)).toEqual(expect.arrayContaining([expect.stringMatching(motivo)]));
  });

  it('refuses the e-mail, its local part and the name, in any case and without accents', () => {
    const conta = { email: 'joao.mendonca@escola.rj.gov.br', nome: 'João Mendonça Filho' };
    expect(problemasDaSenha('joao.mendonca@escola.rj.gov.br', conta)).toContain('a senha não pode conter o seu e-mail nem partes dele');
    expect(problemasDaSenha('Joao.Mendonca-2026', conta)).toContain('a senha não pode conter o seu e-mail nem partes dele');
    expect(problemasDaSenha('meu nome é MENDONÇA!', conta)).toContain('a senha não pode conter o seu nome');
    expect(problemasDaSenha('fui eu, JoãoMendonçaFilho', conta)).toContain('a senha não pode conter o seu nome');
  });

  it('keeps the minimum length and accepts a passphrase', () => {
    expect(problemasDaSenha('Curta1!')).toEqual(['a senha deve ter ao menos 12 caracteres']);
    expect(problemasDaSenha('cavalo azul come grampos de manhã', { email: 'joao.mendonca@escola.rj.gov.br', nome: 'João Mendonça' })).toEqual([]);
    expect(problemasDaSenha('Ana Lu: banana lua xícara')).toEqual([]);
    expect(problemasDaSenha('Ana Lu: banana lua xícara', { nome: 'Ana Lu', email: 'al@rito.test' })).toEqual([]);
  });
});

describe('POST /v1/senhas/redefinicao/{token}', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('answers 400 on the senha field, in pt-BR, and the link still works for a good password', async () => {
    const u = await sys.criarConta({ papeis: ['inspetor'], unidade: 'NORTE', nome: 'Carla Bezerra', email: 'carla.bezerra@rito.test' });
    const token = await emitirTokenSenha(sys.db, u.id, 'convite');
    for (const senha of ['aaaaaaaaaaaa', '123456789012', 'carla.bezerra@rito.test', 'Carla.Bezerra2026', 'sou a BEZERRA, oi']) {
      const r = await sys.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha } });
      expect(r.status, senha).toBe(400);
      expect(r.body.erro.codigo).toBe('validacao');
      expect(r.body.erro.campos.length).toBeGreaterThan(0);
      for (const c of r.body.erro.campos) expect(c).toEqual({ campo: 'senha', mensagem: expect.stringMatching(/^a senha|^esta senha/) });
      expect(r.body.requestId).toEqual(expect.any(String));
    }
    const boa = 'tucano laranja no telhado';
    expect((await sys.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha: boa } })).status).toBe(204);
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: boa } })).status).toBe(201);
  });
});
