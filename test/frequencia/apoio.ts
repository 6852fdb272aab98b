/** Students, matrículas and monthly figures for the attendance follow-up's tests, written as the lotes would. */
import { randomUUID } from 'node:crypto';
import { agirNoCaso, apurarEscolaMes } from '../../api/acompanhamento/service';
import type { Db } from '../../db/connect';
import { efetivarHabilitacao, inserirPedidoHabilitacao, salvarUnidadeEnsino } from '../../db/habilitacoes';
import { lugarDoPerfil, type PerfilPresenca } from '../../rules/habilitacao/perfis';
import { novoCpf } from '../habilitacao/apoio';
import type { Conta, TestSystem } from '../support/system';

export const RIO = '3304557';

/** A random Código INEP of the RJ range (33…): test files share one database server, not their schools. */
export const novoInep = () => String(33_000_000 + Math.floor(Math.random() * 999_999)).padStart(8, '0');

export async function escola(db: Db, codigoInep = novoInep(), municipio = RIO): Promise<string> {
  await salvarUnidadeEnsino(db, { codigoInep, nome: `Escola Municipal ${codigoInep}`, uf: 'RJ', municipio, municipioNome: 'Rio de Janeiro', dependencia: 'municipal', fonte: 'teste', por: 'teste' });
  return codigoInep;
}

export async function estudante(db: Db, o: { nascimento: string; nome?: string; concluida?: boolean; nis?: string }): Promise<{ id: string; cpf: string; nome: string }> {
  const cpf = novoCpf();
  const nome = o.nome ?? `Estudante ${cpf.slice(0, 5)}`;
  const r = await db
    .insertInto('estudante')
    .values({ cpf, nis: o.nis ?? null, nome, data_nascimento: o.nascimento, educacao_basica_concluida: o.concluida ?? false })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, cpf, nome };
}

export async function matricular(db: Db, estudanteId: string, codigoInep: string, ano: number, turma = 'Turma 601 — 6º ano do Ensino Fundamental'): Promise<void> {
  await db.insertInto('matricula').values({ estudante_id: estudanteId, codigo_inep: codigoInep, ano, turma, etapa: 'EF-6', inicio: `${ano}-02-01` }).execute();
}

export async function frequencia(db: Db, estudanteId: string, codigoInep: string, mes: string, diasLetivos: number, presencas: number): Promise<void> {
  await db
    .insertInto('frequencia_mensal')
    .values({ estudante_id: estudanteId, codigo_inep: codigoInep, mes, dias_letivos: diasLetivos, presencas })
    .onConflict((oc) => oc.columns(['estudante_id', 'codigo_inep', 'mes']).doUpdateSet({ dias_letivos: diasLetivos, presencas }))
    .execute();
}

export const endereco = { logradouro: 'Rua das Laranjeiras, 100', bairro: 'Laranjeiras', cep: '22240-003', municipio: 'Rio de Janeiro', uf: 'RJ' as const };
export const responsavel = { nome: 'Maria da Silva', tratamento: 'senhora' as const, endereco };
export const cras = { tratamento: 'A Sua Senhoria a Senhora', nome: 'Joana Souza', cargo: 'Coordenadora do CRAS Laranjeiras', instituicao: 'CRAS Laranjeiras', endereco };
export const conselho = { tratamento: 'A Sua Senhoria o Senhor', nome: 'Carlos Pereira', cargo: 'Conselheiro Tutelar', instituicao: 'Conselho Tutelar 1 — Centro', endereco };

/** An account with a Presença profile in force: the habilitação row as its workflow leaves it (db/habilitacoes.ts). */
export async function habilitado(s: TestSystem, perfil: PerfilPresenca, lugar: { municipio?: string; codigoInep?: string }): Promise<Conta> {
  const conta = await s.conta({ papeis: [perfil] });
  const id = randomUUID();
  const l = { uf: 'RJ', municipio: lugar.municipio ?? null, codigoInep: lugar.codigoInep ?? null };
  await inserirPedidoHabilitacao(s.db, {
    id,
    perfil,
    usuarioId: conta.id,
    nome: conta.nome,
    cpf: novoCpf(),
    email: conta.email,
    telefone: null,
    cargo: null,
    ...l,
    lugar: lugarDoPerfil(perfil, l),
    protocoladoEm: new Date().toISOString(),
    documentos: [],
    termo: null,
  });
  await efetivarHabilitacao(s.db, { id, por: 'teste', porNome: 'Teste', em: new Date().toISOString() });
  return conta;
}

/**
 * A student of `codigoInep` below the minimum in October 2026 (9 of 20 dias letivos, 12 years old), the case the
 * apuração opens for him, and the notificação à família `quem` issues in it.
 */
export async function casoComDocumento(s: TestSystem, codigoInep: string, quem: Conta): Promise<{ casoId: string; documentoId: string; estudanteId: string }> {
  const e = await estudante(s.db, { nascimento: '2014-03-10' });
  await matricular(s.db, e.id, codigoInep, 2026);
  await frequencia(s.db, e.id, codigoInep, '2026-10', 20, 9);
  await apurarEscolaMes({ db: s.db, temporal: s.temporal, taskQueue: s.taskQueue }, codigoInep, '2026-10');
  const caso = await s.db.selectFrom('caso_frequencia').select('id').where('estudante_id', '=', e.id).executeTakeFirstOrThrow();
  const r = await agirNoCaso(s.temporal, caso.id, { acao: 'notificar-familia', ator: { id: quem.id, nome: quem.nome }, em: new Date().toISOString(), chave: `teste:${caso.id}`, dados: { responsavel } });
  return { casoId: caso.id, documentoId: r.documento!.id, estudanteId: e.id };
}
