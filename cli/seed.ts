/**
 * `rito seed demo [--senha SENHA]`: a usable demo — a COOIE (Metropolitana I)
 * with an inspetora and a Comissão de Vistoria of three servidores, a COOGIE
 * user, a supervisor, an administrador, and two institutions with their
 * representante legal and procuradora — and prints every e-mail with its
 * password (and, for the Comissão, the matrícula and account the Ordem de
 * Serviço names them by), so that the whole vistoria can be walked. Running it again resets those passwords
 * (new random ones, or --senha for all) and leaves everything else as it is.
 *
 * `rito dev` makes the same demo on its own when the database has no users
 * (semearDemoSeVazio), so that the first `npm start` can be logged into.
 */
import type { Kysely } from 'kysely';
import { encadearPendentes } from '../api/auditoria/encadeador';
import { registrarAuditoria } from '../api/auditoria/registro';
import type { Papel } from '../api/auth/ator';
import { senhaLegivel } from '../api/auth/segredos';
import { problemasDaSenha, SENHA_MINIMO } from '../api/auth/politica-senha';
import { criarRepresentacao, criarUsuario, definirSenha, usuarioPorEmail } from '../api/contas/service';
import { loadConfig } from '../config/settings';
import { migrateToLatest } from '../db/migrate';
import type { Database } from '../db/schema';
import { progress } from '../runtime/log';
import { USO_SEED } from './ajuda';
import { abrirBanco } from './banco';

interface PessoaDemo {
  nome: string;
  email: string;
  papeis: Papel[];
  unidade?: string;
  representa?: { cnpj: string; nome: string; tipo: 'representante-legal' | 'procurador' };
  /** ID funcional of a servidor: what the Ordem de Serviço writes beside the name and his signature carries. */
  matricula?: string;
  /** The cargo under his signature. */
  cargo?: string;
  tratamento?: 'senhor' | 'senhora';
}

export const UNIDADE_DEMO = 'METROPOLITANA I';
export const INSTITUICOES_DEMO = [
  { cnpj: '11222333000181', nome: 'Colégio Exemplo', codigoInep: '33012345' },
  { cnpj: '11444777000161', nome: 'Escola Modelo', codigoInep: '33054321' },
] as const;

export const PESSOAS_DEMO: PessoaDemo[] = [
  { nome: 'Administração do rito', email: 'admin@rito.demo', papeis: ['administrador'] },
  // Names as documents write them; the cargo and matrícula go under the signature.
  { nome: 'Ana Souza', email: 'inspetora@rito.demo', papeis: ['inspetor'], unidade: UNIDADE_DEMO, matricula: '5011111-2', cargo: 'Inspetora Escolar', tratamento: 'senhora' },
  // The Comissão de Vistoria: three servidores of the COOIE, each designated per process by the Ordem de Serviço.
  ...(
    [
      ['Renata Campos', 'comissao1@rito.demo', '5012345-1', 'Inspetora Escolar', 'senhora'],
      ['Sérgio Nunes', 'comissao2@rito.demo', '5012346-0', 'Inspetor Escolar', 'senhor'],
      ['Tatiana Rocha', 'comissao3@rito.demo', '5012347-8', 'Inspetora Escolar', 'senhora'],
    ] as const
  ).map(([nome, email, matricula, cargo, tratamento]): PessoaDemo => ({
    nome, // as the Ordem de Serviço and the Termo de Visita write it
    email,
    papeis: ['comissao'],
    unidade: UNIDADE_DEMO,
    matricula,
    cargo,
    tratamento,
  })),
  { nome: 'Bruno Lima', email: 'coogie@rito.demo', papeis: ['coogie'], matricula: '5020001-3', cargo: 'Coordenador-Geral de Inspeção Escolar', tratamento: 'senhor' },
  { nome: 'Carla Dias', email: 'supervisora@rito.demo', papeis: ['supervisor'], matricula: '5030001-4', cargo: 'Supervisora de Inspeção Escolar', tratamento: 'senhora' },
  {
    nome: 'Maria Alves',
    email: 'rl@colegio-exemplo.rito.demo',
    papeis: ['representante'],
    representa: { ...INSTITUICOES_DEMO[0], tipo: 'representante-legal' },
    tratamento: 'senhora',
  },
  {
    nome: 'João Pereira',
    email: 'procurador@escola-modelo.rito.demo',
    papeis: ['representante'],
    representa: { ...INSTITUICOES_DEMO[1], tipo: 'procurador' },
    tratamento: 'senhor',
  },
];

const SEED = { id: 'sistema:seed', nome: 'rito seed demo', papeis: ['sistema'] };

export interface ContaDemo {
  /** The account's id: the usuarioId the Ordem de Serviço names a Comissão member by. */
  id: string;
  email: string;
  nome: string;
  papeis: string[];
  senha: string;
  matricula?: string;
}

export async function semearDemo(db: Kysely<Database>, senhaFixa?: string): Promise<ContaDemo[]> {
  const saida = [];
  for (const p of PESSOAS_DEMO) {
    const senha = senhaFixa ?? senhaLegivel();
    const existente = await usuarioPorEmail(db, p.email);
    const idConta = await db.transaction().execute(async (trx) => {
      let id: string;
      if (existente) {
        id = existente.id;
        await trx
          .updateTable('usuario')
          .set({ papeis: p.papeis, unidade: p.unidade ?? null, matricula: p.matricula ?? null, cargo: p.cargo ?? null, tratamento: p.tratamento ?? null, ativo: true, atualizado_em: new Date() })
          .where('id', '=', id)
          .execute();
        await definirSenha(trx, id, senha);
        await registrarAuditoria(trx, { ator: SEED, acao: 'usuario.alterar', recurso: 'usuario', recursoId: id, resumo: `Demo: senha de ${p.email} redefinida pelo seed` });
      } else {
        const u = await criarUsuario(
          trx,
          { nome: p.nome, email: p.email, papeis: p.papeis, unidade: p.unidade ?? null, matricula: p.matricula, cargo: p.cargo, tratamento: p.tratamento, senha },
          SEED.id,
        );
        id = u.id;
        await registrarAuditoria(trx, { ator: SEED, acao: 'usuario.criar', recurso: 'usuario', recursoId: id, resumo: `Demo: conta criada para ${p.nome} <${p.email}>`, dados: { papeis: p.papeis, unidade: p.unidade ?? null } });
      }
      if (p.representa) {
        const agora = new Date();
        const vigente = await trx
          .selectFrom('representacao')
          .select('id')
          .where('usuario_id', '=', id)
          .where('instituicao_cnpj', '=', p.representa.cnpj)
          .where('inicio', '<=', agora)
          .where((eb) => eb.or([eb('fim', 'is', null), eb('fim', '>', agora)]))
          .executeTakeFirst();
        if (!vigente) {
          const r = await criarRepresentacao(
            trx,
            { usuarioId: id, cnpj: p.representa.cnpj, nome: p.representa.nome, tipo: p.representa.tipo, inicio: new Date(agora.getTime() - 60_000), fim: null, documento: 'Demonstração' },
            SEED.id,
          );
          await registrarAuditoria(trx, {
            ator: SEED,
            acao: 'representacao.criar',
            recurso: 'usuario',
            recursoId: id,
            resumo: `Demo: ${p.email} registrado(a) como ${p.representa.tipo} de ${p.representa.nome} (${p.representa.cnpj})`,
            dados: { representacaoId: r.id },
          });
        }
      }
      return id;
    });
    saida.push({ id: idConta, email: p.email, nome: p.nome, papeis: p.papeis, senha, ...(p.matricula ? { matricula: p.matricula } : {}) });
  }
  // Its audit entries wait in the outbox: chained now, so that `rito auditoria verificar` right after sees them.
  await encadearPendentes(db);
  return saida;
}

/** The demo, as `rito seed demo` makes it, when the database has no user at all; null (and nothing done) otherwise. */
export async function semearDemoSeVazio(db: Kysely<Database>): Promise<ContaDemo[] | null> {
  const algum = await db.selectFrom('usuario').select('id').limit(1).executeTakeFirst();
  if (algum) return null;
  return semearDemo(db);
}

/** One line per account: e-mail, password, roles and name, aligned; for a Comissão member, the matrícula and account the Ordem de Serviço takes. */
export function linhasDasContas(contas: ContaDemo[], recuo = '  '): string[] {
  const largura = Math.max(...contas.map((c) => c.email.length));
  return contas.map(
    (c) =>
      `${recuo}${c.email.padEnd(largura)}  senha: ${c.senha}   ${c.papeis.join(', ')} — ${c.nome}` +
      (c.matricula ? ` (Comissão de Vistoria, ${UNIDADE_DEMO}: matrícula ${c.matricula}, conta ${c.id})` : ''),
  );
}

const COMISSAO_DEMO = PESSOAS_DEMO.filter((p) => p.papeis.includes('comissao'));

export const DESCRICAO_DEMO =
  `COOIE: ${UNIDADE_DEMO}. Instituições: ${INSTITUICOES_DEMO.map((i) => `${i.nome} (CNPJ ${i.cnpj}, INEP ${i.codigoInep})`).join('; ')}. ` +
  `Comissão de Vistoria: ${COMISSAO_DEMO.map((p) => p.email).join(', ')} (a Ordem de Serviço nomeia cada membro por nome, matrícula e conta, como listados).`;

export async function run(args: string[]): Promise<number> {
  const [alvo, ...resto] = args;
  if (alvo !== 'demo') {
    process.stderr.write(USO_SEED);
    return 2;
  }
  let senha: string | undefined;
  if (resto[0] === '--senha') {
    senha = resto[1];
    const problemas = senha ? problemasDaSenha(senha) : [`precisa de ao menos ${SENHA_MINIMO} caracteres`];
    if (problemas.length) {
      process.stderr.write(`rito seed: --senha recusada: ${problemas.join('; ')}\n`);
      return 2;
    }
  } else if (resto.length) {
    process.stderr.write(`rito seed: opção inválida "${resto[0]}"\n`);
    return 2;
  }
  const config = loadConfig();
  const banco = await abrirBanco(config);
  try {
    const aplicadas = await migrateToLatest(banco.db);
    if (aplicadas.length) progress(`migrações aplicadas: ${aplicadas.join(', ')}`);
    const contas = await semearDemo(banco.db, senha);
    process.stdout.write(
      [
        '',
        `Demonstração pronta (${banco.descricao}). Entre com POST /v1/sessoes {"email", "senha"} ou pela documentação em /docs.`,
        DESCRICAO_DEMO,
        '',
        ...linhasDasContas(contas),
        '',
        'As senhas acima só aparecem agora; rodar o seed de novo gera outras.',
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await banco.fechar();
  }
}
