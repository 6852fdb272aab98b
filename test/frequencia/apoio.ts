/** Students, matrículas and monthly figures for the attendance follow-up's tests, written as the lotes would. */
import type { Db } from '../../db/connect';
import { salvarUnidadeEnsino } from '../../db/habilitacoes';
import { novoCpf } from '../habilitacao/apoio';

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
