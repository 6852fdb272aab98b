/**
 * The Sistema Presença hierarchy through the API, with the real worker, Temporal
 * and SMTP (seed 000): MEC enables the Coordenadora Estadual of RJ, who enables
 * the Coordenador Municipal of Rio de Janeiro (IBGE 3304557), who enables an
 * operador escolar bound to a school by its Código INEP. Each one receives the
 * e-mails, sets the password by the link, and sees only his scope.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { novoCpf, PDF } from './apoio';

let s: TestSystem;
beforeAll(async () => {
  s = await startTestSystem();
}, 120_000);
afterAll(async () => s?.stop());

const RIO = '3304557';
const NITEROI = '3303302';
const INEP = String(33_000_000 + Math.floor(Math.random() * 999_999)).padStart(8, '0');
const pdf = (tipo: string, nome = 'documento.pdf') => ({ tipo, nomeOriginal: nome, conteudoBase64: PDF.toString('base64') });
const chave = () => `k-${randomBytes(8).toString('hex')}`;

/** Pré-cadastro → protocol e-mail → enabled by `quem` → password by the link → logged in. */
async function habilitarPessoa(corpo: Record<string, unknown>, quem: Conta): Promise<{ id: string; conta: Conta }> {
  const email = corpo.email as string;
  const r = await s.request('POST', '/v1/habilitacoes', { body: corpo });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;

  const protocolo = await s.smtp.aguardar(email);
  const acesso = new RegExp(`https://rito\\.test/habilitacao/${id}#(\\S+)`).exec(protocolo.texto)?.[1];
  expect(acesso, protocolo.texto).toBeTruthy();
  const acompanhamento = await s.request('GET', `/v1/habilitacoes/${id}/acompanhamento`, { headers: { 'x-acesso-pedido': acesso! } });
  expect(acompanhamento.body).toMatchObject({ fase: 'em-analise', situacao: 'pedido' });

  const antes = s.smtp.mensagens.length;
  const h = await s.request('POST', `/v1/habilitacoes/${id}/habilitar`, { as: quem, body: {}, headers: { 'idempotency-key': chave() } });
  expect(h.status, JSON.stringify(h.body)).toBe(200);
  expect(h.body.fase).toBe('habilitado');

  const confirmacao = await s.smtp.aguardar(email, { depoisDe: antes, timeoutMs: 20_000 });
  expect(confirmacao.assunto).toMatch(/habilitado/);
  const token = /redefinir-senha#(\S+)/.exec(confirmacao.texto)?.[1];
  const senha = `Presenca-${randomBytes(6).toString('hex')}-ok`;
  expect((await s.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha } })).status).toBe(204);
  const sessao = await s.entrar(email, senha);
  return { id, conta: { id: '', nome: corpo.nome as string, email, senha, papeis: [], ...sessao } as Conta };
}

describe('Sistema Presença: who enables whom', () => {
  let mec: Conta;
  let estadual: { id: string; conta: Conta };
  let municipal: { id: string; conta: Conta };
  let operador: { id: string; conta: Conta };

  it('MEC enables the Coordenadora Estadual of RJ on her ofício de nomeação', async () => {
    mec = await s.conta({ papeis: ['mec'], nome: 'Servidora MEC/SEB/DARE/CGAR' });
    const corpo = {
      perfil: 'coordenador-estadual',
      nome: 'Ana Coordenadora Estadual',
      cpf: novoCpf(),
      email: `estadual.${randomBytes(3).toString('hex')}@educacao.rj.gov.br`,
      cargo: 'Superintendente Pedagógica',
      uf: 'RJ',
      documentos: [pdf('oficio-nomeacao', 'oficio-nomeacao-seeduc.pdf')],
    };
    // Without the ofício de nomeação, the pedido is refused field by field.
    const sem = await s.request('POST', '/v1/habilitacoes', { body: { ...corpo, documentos: [] } });
    expect(sem.status).toBe(400);
    expect(sem.body.erro.campos).toEqual([{ campo: 'documentos', mensagem: 'envie: Ofício de nomeação assinado pelo(a) Secretário(a) Estadual de Educação' }]);
    estadual = await habilitarPessoa(corpo, mec);
    const perfil = await s.request('GET', `/v1/habilitacoes/${estadual.id}`, { as: mec });
    expect(perfil.body).toMatchObject({ situacao: 'ativo', habilitadoPor: 'Servidora MEC/SEB/DARE/CGAR', cpf: corpo.cpf });
    expect(perfil.body.documentos).toEqual([expect.objectContaining({ tipo: 'oficio-nomeacao', nomeOriginal: 'oficio-nomeacao-seeduc.pdf' })]);
    expect(perfil.body.eventos.map((e: { tipo: string }) => e.tipo)).toEqual(['pre-cadastro', 'habilitado']);
  });

  it('the Coordenadora Estadual enables the Coordenador Municipal of Rio de Janeiro, who signed the Termo de Responsabilidade', async () => {
    const corpo = {
      perfil: 'coordenador-municipal',
      nome: 'Bruno Coordenador Municipal',
      cpf: novoCpf(),
      email: `municipal.${randomBytes(3).toString('hex')}@rio.rj.gov.br`,
      uf: 'RJ',
      municipio: RIO,
      aceitaTermo: true,
      documentos: [pdf('documentos-comprobatorios', 'portaria-designacao.pdf')],
    };
    // MEC does not enable municipal coordinators: the state coordination does.
    const r = await s.request('POST', '/v1/habilitacoes', { body: corpo });
    expect(r.status).toBe(201);
    const recusa = await s.request('POST', `/v1/habilitacoes/${r.body.id}/habilitar`, { as: mec, body: {}, headers: { 'idempotency-key': chave() } });
    expect(recusa.status).toBe(403);
    expect(recusa.body.erro.mensagem).toMatch(/Coordenação Estadual/);
    // The same pré-cadastro sent again is the same pedido.
    const repetido = await s.request('POST', '/v1/habilitacoes', { body: corpo });
    expect(repetido).toMatchObject({ status: 200, body: { id: r.body.id } });
    await s.smtp.aguardar(corpo.email);
    const antes = s.smtp.mensagens.length;
    const h = await s.request('POST', `/v1/habilitacoes/${r.body.id}/habilitar`, { as: estadual.conta, body: {}, headers: { 'idempotency-key': chave() } });
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    const confirmacao = await s.smtp.aguardar(corpo.email, { depoisDe: antes, timeoutMs: 20_000 });
    const token = /redefinir-senha#(\S+)/.exec(confirmacao.texto)?.[1];
    const senha = `Municipio-${randomBytes(6).toString('hex')}-ok`;
    expect((await s.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha } })).status).toBe(204);
    municipal = { id: r.body.id, conta: { id: '', nome: corpo.nome, email: corpo.email, senha, papeis: [], ...(await s.entrar(corpo.email, senha)) } as Conta };
    const perfil = await s.request('GET', `/v1/habilitacoes/${municipal.id}`, { as: estadual.conta });
    expect(perfil.body.termo).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('the Coordenador Municipal registers the school and enables its operador escolar, bound by Código INEP', async () => {
    const escola = await s.request('PUT', `/v1/unidades-de-ensino/${INEP}`, {
      as: municipal.conta,
      body: { nome: 'E. M. Presença', uf: 'RJ', municipio: RIO, dependencia: 'municipal', fonte: 'Catálogo de Escolas do INEP (teste)' },
    });
    expect(escola.status, JSON.stringify(escola.body)).toBe(200);
    // A school of another município is not his to register.
    const fora = await s.request('PUT', `/v1/unidades-de-ensino/${INEP.slice(0, 7)}9`, {
      as: municipal.conta,
      body: { nome: 'Escola de Niterói', uf: 'RJ', municipio: NITEROI, fonte: 'teste' },
    });
    expect(fora.status).toBe(403);
    operador = await habilitarPessoa(
      { perfil: 'operador-escolar', nome: 'Carla Operadora', cpf: novoCpf(), email: `operadora.${randomBytes(3).toString('hex')}@escola.rio`, uf: 'RJ', municipio: RIO, codigoInep: INEP },
      municipal.conta,
    );
  });

  it('each sees only his scope; a pedido outside it is a 404', async () => {
    const doOperador = await s.request('GET', '/v1/habilitacoes', { as: operador.conta });
    expect(doOperador.status).toBe(200);
    expect(doOperador.body.itens.map((i: { id: string }) => i.id)).toEqual([operador.id]);
    expect((await s.request('GET', `/v1/habilitacoes/${municipal.id}`, { as: operador.conta })).status).toBe(404);

    const doMunicipal = await s.request('GET', '/v1/habilitacoes', { as: municipal.conta });
    const ids = doMunicipal.body.itens.map((i: { id: string }) => i.id);
    expect(ids).toContain(operador.id);
    expect(ids).toContain(municipal.id);
    expect(ids).not.toContain(estadual.id);
    // Masked in listings.
    expect(doMunicipal.body.itens.every((i: { cpf: string }) => i.cpf.startsWith('***.'))).toBe(true);
    expect((await s.request('GET', `/v1/habilitacoes/${estadual.id}`, { as: municipal.conta })).status).toBe(404);

    const doEstadual = await s.request('GET', '/v1/habilitacoes?uf=RJ', { as: estadual.conta });
    expect(doEstadual.body.itens.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([estadual.id, municipal.id, operador.id]));

    // Reading a profile is a read of personal data: audited with who and which.
    await encadearPendentes(s.db); // a read's entry may still be in the outbox
    const trilha = await s.db.selectFrom('auditoria').select(['acao', 'recurso_id']).where('acao', '=', 'habilitacao.ler').execute();
    expect(trilha).toEqual(expect.arrayContaining([{ acao: 'habilitacao.ler', recurso_id: estadual.id }]));
  });


  it('the Coordenador Municipal asks MEC, by ofício filled from the profiles, to include the operadora in the Sistema Gestão Presente (seed 001)', async () => {
    const base = {
      sigla: 'SME-RIO',
      rede: 'Rede Municipal de Ensino do Rio de Janeiro',
      emissor: { orgao: ['PREFEITURA DA CIDADE DO RIO DE JANEIRO', 'SECRETARIA MUNICIPAL DE EDUCAÇÃO'] },
      local: 'Rio de Janeiro',
      destinatario: {
        tratamento: 'A Sua Senhoria a Senhora',
        nome: 'Coordenadora-Geral da CGAR',
        cargo: 'Coordenadora-Geral de Atendimento e Relacionamento com as Redes de Ensino',
        instituicao: 'Ministério da Educação – SEB/DARE/CGAR',
        endereco: { logradouro: 'Esplanada dos Ministérios, Bloco L', bairro: 'Zona Cívico-Administrativa', cep: '70047-900', municipio: 'Brasília', uf: 'DF' },
      },
      vocativo: 'Senhora Coordenadora-Geral',
      fecho: 'Atenciosamente',
    };
    // An active operadora cannot be the object of an exclusão yet.
    const cedo = await s.request('POST', '/v1/habilitacoes/oficios-sgp', { as: municipal.conta, body: { ...base, pedido: 'exclusao', operadores: [{ habilitacao: operador.id }] }, headers: { 'idempotency-key': chave() } });
    expect(cedo.status).toBe(400);
    expect(cedo.body.erro.campos[0].campo).toBe('operadores.0.habilitacao');
    const r = await s.request('POST', '/v1/habilitacoes/oficios-sgp', { as: municipal.conta, body: { ...base, pedido: 'inclusao', operadores: [{ habilitacao: operador.id }] }, headers: { 'idempotency-key': chave() } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.identificacao).toBe(`Ofício nº 1/${new Date().getFullYear()}/SME-RIO`);
    const html = await s.request('GET', r.body.links.html, { as: municipal.conta });
    expect(html.status).toBe(200);
    expect(html.body).toContain('Solicitamos a inclusão dos operadores abaixo');
    expect(html.body).toContain('Carla Operadora');
    expect(html.body).toContain(`E. M. Presença (${INEP})`);
    // Not the operadora's to read: her role reads no ofícios.
    expect((await s.request('GET', r.body.links.html, { as: operador.conta })).status).toBe(403);
  });

  it('the municipal coordinator excludes the operador with a reason; the account loses the role at once', async () => {
    const r = await s.request('POST', `/v1/habilitacoes/${operador.id}/excluir`, { as: municipal.conta, body: { motivo: 'Transferida para outra rede' }, headers: { 'idempotency-key': chave() } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const perfil = await s.request('GET', `/v1/habilitacoes/${operador.id}`, { as: municipal.conta });
    expect(perfil.body).toMatchObject({ situacao: 'excluido', motivoEncerramento: 'Transferida para outra rede' });
    expect((await s.request('GET', '/v1/habilitacoes', { as: operador.conta })).status).toBe(403);
  });
});
