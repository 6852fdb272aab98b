/**
 * Accounts: creation, roles, mandates, passwords and their single-use tokens,
 * and the lockout that slows down password guessing.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../../db/connect';
import type { ChaveApi, Database, Representacao, Usuario } from '../../db/schema';
import type { CampoInvalido } from '../errors';
import { conflito } from '../errors';
import { hashSenha, segredoAleatorio, sha256 } from '../auth/segredos';
import { instante, instanteOuNulo } from '../instantes';
import { PAPEIS_POR_HABILITACAO } from '../auth/ator';

/** Failed logins counted over this window. */
export const JANELA_FALHAS_MS = 15 * 60 * 1000;
/** Failures for one e-mail within the window that lock it (even against the right password). */
export const LIMITE_FALHAS_CONTA = 5;
/** Failures from one IP within the window that lock that IP (password spraying). */
export const LIMITE_FALHAS_IP = 30;

export const VALIDADE_REDEFINICAO_MS = 60 * 60 * 1000;
export const VALIDADE_CONVITE_MS = 72 * 60 * 60 * 1000;
/** Reset e-mails sent per account per hour, at most (no mail bombing). */
export const LIMITE_PEDIDOS_HORA = 3;

/** Brasília has had no daylight saving time since 2019. */
const FUSO_BRASILIA = '-03:00';

/** A civil date starts at 00:00 in Brasília; an instant is itself. */
export function inicioDe(valor: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(valor) ? `${valor}T00:00:00${FUSO_BRASILIA}` : valor);
}

/** A civil date is valid through its whole day: the mandate ends at 00:00 of the next day in Brasília. */
export function fimDe(valor: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(valor)) return new Date(valor);
  const d = new Date(`${valor}T00:00:00${FUSO_BRASILIA}`);
  return new Date(d.getTime() + 24 * 60 * 60 * 1000);
}

/** Combinations of roles and unit that make sense (an external user is never also internal). */
export function validarPapeis(papeis: readonly string[], unidade: string | null | undefined): CampoInvalido[] {
  const erros: CampoInvalido[] = [];
  if (papeis.includes('representante') && papeis.length > 1) {
    erros.push({ campo: 'papeis', mensagem: 'representante é usuário externo e não acumula papéis internos' });
  }
  if (papeis.includes('inspetor') && !unidade) {
    erros.push({ campo: 'unidade', mensagem: 'inspetor precisa de uma unidade (COOIE)' });
  }
  if (unidade && !papeis.some((p) => p === 'inspetor' || p === 'comissao')) {
    erros.push({ campo: 'unidade', mensagem: 'unidade só se aplica a inspetor ou membro de comissão' });
  }
  if (new Set(papeis).size !== papeis.length) erros.push({ campo: 'papeis', mensagem: 'papéis repetidos' });
  const porHabilitacao = papeis.filter((p) => (PAPEIS_POR_HABILITACAO as readonly string[]).includes(p));
  if (porHabilitacao.length) {
    erros.push({ campo: 'papeis', mensagem: `${porHabilitacao.join(', ')}: perfil do Sistema Presença, concedido somente pela habilitação de quem o habilita` });
  }
  return erros;
}

export interface NovoUsuario {
  nome: string;
  email: string;
  papeis: string[];
  unidade: string | null;
  matricula?: string | null;
  cargo?: string | null;
  tratamento?: 'senhor' | 'senhora' | null;
  senha?: string;
}

const violacaoUnica = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';

export async function criarUsuario(db: Kysely<Database>, u: NovoUsuario, criadoPor: string): Promise<Usuario> {
  try {
    return await db
      .insertInto('usuario')
      .values({
        id: randomUUID(),
        nome: u.nome,
        email: u.email.trim().toLowerCase(),
        papeis: u.papeis,
        unidade: u.unidade,
        matricula: u.matricula ?? null,
        cargo: u.cargo ?? null,
        tratamento: u.tratamento ?? null,
        senha_hash: u.senha ? await hashSenha(u.senha) : null,
        senha_alterada_em: u.senha ? new Date() : null,
        criado_por: criadoPor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (err) {
    if (violacaoUnica(err)) throw conflito('email-em-uso', 'Já existe uma conta com este e-mail.');
    throw err;
  }
}

export async function usuarioPorEmail(db: Kysely<Database>, email: string): Promise<Usuario | undefined> {
  return db
    .selectFrom('usuario')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function definirSenha(db: Kysely<Database>, usuarioId: string, senha: string): Promise<void> {
  await db
    .updateTable('usuario')
    .set({ senha_hash: await hashSenha(senha), senha_alterada_em: new Date(), atualizado_em: new Date() })
    .where('id', '=', usuarioId)
    .execute();
}

export async function criarRepresentacao(
  db: Kysely<Database>,
  r: {
    usuarioId: string;
    cnpj: string;
    nome: string;
    tipo: 'representante-legal' | 'procurador';
    inicio: Date;
    fim: Date | null;
    documento: string | null;
    /** A procuração limited to these SEI numbers (api/auth/escopo.ts); absent or null: every process of the institution. */
    processos?: string[] | null;
    /** The credenciamento that created it (api/credenciamentos). */
    habilitacaoId?: string | null;
  },
  criadoPor: string,
): Promise<Representacao> {
  return db
    .insertInto('representacao')
    .values({
      id: randomUUID(),
      usuario_id: r.usuarioId,
      instituicao_cnpj: r.cnpj,
      instituicao_nome: r.nome,
      tipo: r.tipo,
      inicio: r.inicio,
      fim: r.fim,
      documento: r.documento,
      processos: r.processos ?? null,
      habilitacao_id: r.habilitacaoId ?? null,
      criado_por: criadoPor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Names a servidor in a process's Comissão de Vistoria (the Ordem de Serviço's effect on access). */
export async function designarComissao(
  db: Kysely<Database>,
  d: { processoId: string; usuarioId: string; ordemServico: string; inicio?: Date; fim?: Date | null },
  criadoPor: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('designacao_comissao')
    .values({ id, processo_id: d.processoId, usuario_id: d.usuarioId, ordem_servico: d.ordemServico, inicio: d.inicio ?? new Date(), fim: d.fim ?? null, criado_por: criadoPor })
    .execute();
  return id;
}

/** Issues a single-use token to set a password; earlier unused tokens of the account stop working. */
export async function emitirTokenSenha(db: Kysely<Database>, usuarioId: string, finalidade: 'redefinicao' | 'convite'): Promise<string> {
  const token = segredoAleatorio();
  const agora = new Date();
  await db.updateTable('token_senha').set({ usado_em: agora }).where('usuario_id', '=', usuarioId).where('usado_em', 'is', null).execute();
  await db
    .insertInto('token_senha')
    .values({
      token_hash: sha256(token),
      usuario_id: usuarioId,
      finalidade,
      expira_em: new Date(agora.getTime() + (finalidade === 'convite' ? VALIDADE_CONVITE_MS : VALIDADE_REDEFINICAO_MS)),
    })
    .execute();
  return token;
}

/** Tokens issued to an account in the last hour (to cap reset e-mails). */
export async function pedidosRecentes(db: Kysely<Database>, usuarioId: string): Promise<number> {
  const r = await db
    .selectFrom('token_senha')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('usuario_id', '=', usuarioId)
    .where('criado_em', '>', new Date(Date.now() - 60 * 60 * 1000))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks the token used and returns its account, atomically: a token works once, even under concurrent use. */
export async function consumirTokenSenha(db: Kysely<Database>, token: string): Promise<{ usuarioId: string; finalidade: string } | null> {
  const r = await db
    .updateTable('token_senha')
    .set({ usado_em: new Date() })
    .where('token_hash', '=', sha256(token))
    .where('usado_em', 'is', null)
    .where('expira_em', '>', new Date())
    .returning(['usuario_id', 'finalidade'])
    .executeTakeFirst();
  return r ? { usuarioId: r.usuario_id, finalidade: r.finalidade } : null;
}

/** Until when logins for this e-mail or from this IP are refused, or null. */
export async function bloqueadoAte(db: Kysely<Database>, email: string, ip: string | null): Promise<Date | null> {
  const desde = new Date(Date.now() - JANELA_FALHAS_MS);
  const porConta = await db
    .selectFrom('falha_login')
    .select('ocorrida_em')
    .where('email', '=', email)
    .where('ocorrida_em', '>', desde)
    .orderBy('ocorrida_em', 'desc')
    .limit(LIMITE_FALHAS_CONTA)
    .execute();
  const limites: Date[] = [];
  if (porConta.length >= LIMITE_FALHAS_CONTA) limites.push(new Date(new Date(porConta[LIMITE_FALHAS_CONTA - 1].ocorrida_em).getTime() + JANELA_FALHAS_MS));
  if (ip) {
    const porIp = await db
      .selectFrom('falha_login')
      .select('ocorrida_em')
      .where('ip', '=', ip)
      .where('ocorrida_em', '>', desde)
      .orderBy('ocorrida_em', 'desc')
      .limit(LIMITE_FALHAS_IP)
      .execute();
    if (porIp.length >= LIMITE_FALHAS_IP) limites.push(new Date(new Date(porIp[LIMITE_FALHAS_IP - 1].ocorrida_em).getTime() + JANELA_FALHAS_MS));
  }
  const ate = limites.sort((a, b) => b.getTime() - a.getTime())[0];
  return ate && ate.getTime() > Date.now() ? ate : null;
}

/** Advisory lock classes (first key of pg_advisory_xact_lock(int, int)): an e-mail and an IP never share a lock. */
const TRAVA_EMAIL = 7301;
const TRAVA_IP = 7302;

/**
 * Decides whether a login may be checked and, if so, counts it as a failure
 * before the password is looked at; a right password then clears it
 * (limparFalhasLogin). Counting only after the check let concurrent guesses all
 * read the count before any of them wrote it (40 at once got 25 checks against
 * a limit of 5). Under the e-mail's and the IP's locks, taken in that order by
 * every caller, the count and the new row are one step.
 */
export async function reservarTentativaLogin(db: Db, email: string, ip: string | null): Promise<{ bloqueadoAte: Date | null }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${TRAVA_EMAIL}, hashtext(${email}))`.execute(trx);
    if (ip) await sql`select pg_advisory_xact_lock(${TRAVA_IP}, hashtext(${ip}))`.execute(trx);
    const ate = await bloqueadoAte(trx, email, ip);
    if (ate) return { bloqueadoAte: ate };
    await trx.insertInto('falha_login').values({ email, ip }).execute();
    return { bloqueadoAte: null };
  });
}

export async function limparFalhasLogin(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('falha_login').where('email', '=', email).execute();
}

const iso = instanteOuNulo;

export function representacaoView(r: Representacao, agora = new Date()) {
  const inicio = new Date(r.inicio);
  const fim = r.fim ? new Date(r.fim) : null;
  return {
    id: r.id,
    usuarioId: r.usuario_id,
    instituicao: { cnpj: r.instituicao_cnpj, nome: r.instituicao_nome },
    tipo: r.tipo,
    inicio: instante(inicio),
    fim: iso(fim),
    vigente: inicio <= agora && (!fim || fim > agora),
    documento: r.documento,
    processos: r.processos ?? null,
  };
}

export function usuarioView(u: Usuario, representacoes: Representacao[]) {
  return {
    id: u.id,
    nome: u.nome,
    email: u.email,
    papeis: u.papeis,
    unidade: u.unidade,
    matricula: u.matricula,
    cargo: u.cargo,
    tratamento: u.tratamento,
    ativo: u.ativo,
    senhaDefinida: u.senha_hash !== null,
    criadoEm: instante(u.criado_em),
    representacoes: representacoes.map((r) => representacaoView(r)),
  };
}

export function chaveView(c: ChaveApi) {
  return {
    id: c.id,
    prefixo: c.prefixo,
    nome: c.nome,
    papeis: c.papeis,
    unidade: c.unidade,
    instituicoes: c.instituicoes,
    criadaPor: c.criada_por,
    criadaEm: instante(c.criada_em),
    expiraEm: iso(c.expira_em),
    revogadaEm: iso(c.revogada_em),
    ultimoUsoEm: iso(c.ultimo_uso_em),
    ambiente: c.ambiente,
    rede: c.rede,
    ipsPermitidos: c.ips_permitidos,
  };
}

/** Text of the e-mails that carry a password link. */
export function mensagemSenha(o: { nome: string; email: string; link: string; finalidade: 'redefinicao' | 'convite' }) {
  if (o.finalidade === 'convite') {
    return {
      assunto: 'rito: defina sua senha de acesso',
      texto: [
        `Olá, ${o.nome}.`,
        '',
        `Uma conta no rito foi criada para você (${o.email}).`,
        'Para definir sua senha e entrar, abra o link abaixo em até 72 horas:',
        '',
        o.link,
        '',
        'O link só pode ser usado uma vez. Se não esperava esta mensagem, avise a administração do sistema.',
      ].join('\n'),
    };
  }
  return {
    assunto: 'rito: redefinição de senha',
    texto: [
      `Olá, ${o.nome}.`,
      '',
      `Recebemos um pedido para redefinir a senha da sua conta no rito (${o.email}).`,
      'Para escolher uma nova senha, abra o link abaixo em até 60 minutos:',
      '',
      o.link,
      '',
      'O link só pode ser usado uma vez. Se você não pediu a redefinição, ignore esta mensagem: sua senha atual continua valendo.',
    ].join('\n'),
  };
}
