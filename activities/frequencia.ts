/**
 * The side effects of a student's follow-up case (workflows/frequencia): its read
 * model and events, the occurrences written back to the matrícula, and its
 * documents — the catalogue's notificação à família, encaminhamento à assistência
 * social and comunicação ao Conselho Tutelar (documentos/catalogo/presenca.ts),
 * issued through the same emission as every rite's (activities/documentos),
 * numbered in the school's series. The builder reads the student, his matrícula
 * and school here, so the workflow's history carries only the case's id.
 */
import { ApplicationFailure } from '@temporalio/common';
import { sql } from 'kysely';
import * as casos from '../db/casos';
import type { Db } from '../db/connect';
import { dataEmSaoPaulo } from '../documentos/emissao';
import { formatarDataBR, lerData } from '../rules/calendario';
import type { Ocorrencia } from '../rules/frequencia/caso';
import type { DadosAcaoCaso, DocumentoDoCaso, FrequenciaDoMes, Responsavel } from '../workflows/frequencia/definitions';
import { createEmissaoDocumentosActivities } from './documentos';

/** The Padrão Ofício's forms of address of a private person (as activities/documentos-fontes.ts). */
const TRATAMENTO = {
  senhor: { enderecamento: 'A Sua Senhoria o Senhor', vocativo: 'Senhor' },
  senhora: { enderecamento: 'A Sua Senhoria a Senhora', vocativo: 'Senhora' },
  desconhecido: { enderecamento: 'A Sua Senhoria o(a) Senhor(a)', vocativo: 'Senhor(a)' },
} as const;

/** The cargo under the signature when the account holds none: the Presença role's. */
const CARGO_DO_PAPEL: Record<string, string> = {
  'operador-escolar': 'Operador(a) Escolar do Sistema Presença',
  'coordenador-municipal': 'Coordenador(a) Municipal do Sistema Presença',
  'auxiliar-municipal': 'Auxiliar Municipal do Sistema Presença',
};

/** The series a school numbers its ofícios in. */
export const serieDaEscola = (codigoInep: string) => `ESCOLA-${codigoInep}`;

export interface PedidoDocumentoCaso {
  casoId: string;
  tipo: 'notificacao-familia' | 'encaminhamento-assistencia-social' | 'comunicacao-conselho-tutelar';
  chave: string;
  emitidoPor: string;
  emitidoEm: string;
  frequencia: FrequenciaDoMes;
  motivo: { codigo: string; descricao: string } | null;
  responsavel: Responsavel;
  dados: DadosAcaoCaso;
}

export function createFrequenciaActivities(db: Db) {
  const emissao = createEmissaoDocumentosActivities(db);

  /** The school's measures already taken in the case (ECA art. 56 II: "esgotados os recursos escolares"). */
  async function providenciasJaTomadas(casoId: string): Promise<string[]> {
    const eventos = await casos.eventosDoCaso(db, casoId);
    return eventos.flatMap((e) => {
      const d = e.dados as { documento?: { identificacao: string }; motivo?: { codigo: string; descricao: string } };
      const dia = formatarDataBR(lerData(dataEmSaoPaulo(new Date(e.em)), 'em'));
      if (e.tipo === 'familia-notificada') return [`Notificação à família em ${dia} (${d.documento?.identificacao}).`];
      if (e.tipo === 'motivos-averiguados') return [`Averiguação dos motivos com a família em ${dia}: ${d.motivo?.codigo} — ${d.motivo?.descricao}.`];
      if (e.tipo === 'encaminhado-assistencia-social') return [`Encaminhamento à assistência social em ${dia} (${d.documento?.identificacao}).`];
      return [];
    });
  }

  async function montar(p: PedidoDocumentoCaso): Promise<{ unidade: string; dados: Record<string, unknown> }> {
    const caso = await db.selectFrom('caso_frequencia').selectAll().where('id', '=', p.casoId).executeTakeFirstOrThrow();
    const [estudante, matricula, escola, usuario] = await Promise.all([
      db.selectFrom('estudante').select(['nome', 'data_nascimento', 'nis']).where('id', '=', caso.estudante_id).executeTakeFirstOrThrow(),
      db
        .selectFrom('matricula')
        .select(['turma', 'etapa'])
        .where('estudante_id', '=', caso.estudante_id)
        .where('codigo_inep', '=', caso.codigo_inep)
        .orderBy('ano', 'desc')
        .executeTakeFirst(),
      db.selectFrom('unidade_ensino').select(['nome', 'municipio_nome', 'uf']).where('codigo_inep', '=', caso.codigo_inep).executeTakeFirst(),
      db.selectFrom('usuario').select(['nome', 'cargo', 'papeis']).where('id', '=', p.emitidoPor).executeTakeFirst(),
    ]);
    if (!escola) throw ApplicationFailure.nonRetryable('A escola do caso não consta do cadastro de unidades de ensino.', 'DadosIncompletos');
    const papel = usuario?.papeis.find((x) => CARGO_DO_PAPEL[x]);
    const signatario = p.dados.signatario ?? { nome: usuario?.nome ?? 'Direção da escola', cargo: usuario?.cargo ?? (papel ? CARGO_DO_PAPEL[papel]! : 'Direção da escola') };
    // DATE columns arrive as 'YYYY-MM-DD' (db/connect.ts).
    const nascimento = estudante.data_nascimento;
    const turma = matricula?.turma ?? matricula?.etapa ?? 'não informada';
    const base = {
      emissor: { orgao: [escola.nome.toLocaleUpperCase('pt-BR')], contato: [`Código INEP ${caso.codigo_inep}`] },
      local: escola.municipio_nome ?? escola.uf,
      fecho: 'Atenciosamente',
      signatario,
      escola: { nome: escola.nome, codigoInep: caso.codigo_inep },
    };
    const r = p.responsavel;
    const responsavelDoc = { nome: r.nome, endereco: r.endereco, ...(r.telefone ? { telefone: r.telefone } : {}) };
    const unidade = serieDaEscola(caso.codigo_inep);
    if (p.tipo === 'notificacao-familia') {
      const t = TRATAMENTO[r.tratamento];
      return {
        unidade,
        dados: {
          ...base,
          destinatario: { tratamento: t.enderecamento, nome: r.nome, qualificacao: `Responsável legal pelo(a) estudante ${estudante.nome}`, endereco: r.endereco },
          vocativo: p.dados.vocativo ?? `${t.vocativo} Responsável`,
          estudante: { nome: estudante.nome, turma },
          frequencia: p.frequencia,
          ...(p.dados.comparecimento ? { comparecimento: p.dados.comparecimento } : {}),
        },
      };
    }
    const estudanteDoc = { nome: estudante.nome, dataNascimento: nascimento, turma };
    if (p.tipo === 'encaminhamento-assistencia-social') {
      return {
        unidade,
        dados: {
          ...base,
          destinatario: p.dados.destinatario,
          vocativo: p.dados.vocativo ?? `Senhor(a) ${p.dados.destinatario!.cargo}`,
          estudante: { ...estudanteDoc, ...(estudante.nis ? { nis: estudante.nis } : {}) },
          responsavel: responsavelDoc,
          frequencia: p.frequencia,
          ...(p.motivo ? { motivoBaixaFrequencia: { codigo: p.motivo.codigo, descricao: p.motivo.descricao } } : {}),
          situacao: p.dados.situacao,
          ...(p.dados.providenciasEscola?.length ? { providenciasEscola: p.dados.providenciasEscola } : {}),
        },
      };
    }
    const providencias = [...(await providenciasJaTomadas(p.casoId)), ...(p.dados.providenciasEscola ?? [])];
    return {
      unidade,
      dados: {
        ...base,
        destinatario: p.dados.destinatario,
        vocativo: p.dados.vocativo ?? `Senhor(a) ${p.dados.destinatario!.cargo}`,
        estudante: estudanteDoc,
        responsavel: responsavelDoc,
        hipoteses: p.dados.hipoteses,
        fatos: p.dados.fatos,
        frequencia: p.frequencia,
        providenciasEscola: providencias,
      },
    };
  }

  return {
    async sincronizarCaso(s: Parameters<typeof casos.sincronizarCaso>[1]): Promise<void> {
      await casos.sincronizarCaso(db, s);
    },

    async registrarEventoCaso(e: Parameters<typeof casos.registrarEventoCaso>[1]): Promise<void> {
      await casos.registrarEventoCaso(db, e);
    },

    async emitirDocumentoCaso(p: PedidoDocumentoCaso): Promise<DocumentoDoCaso> {
      const { unidade, dados } = await montar(p);
      const doc = await emissao.emitirDocumento({
        chave: p.chave,
        processoId: `caso-frequencia:${p.casoId}`,
        tipo: p.tipo,
        unidade,
        dados,
        emitidoPor: p.emitidoPor,
        emitidoEm: p.emitidoEm,
      });
      return { id: doc.id, tipo: p.tipo, identificacao: doc.identificacao };
    },

    /**
     * An occurrence registered in the case is the school's information of art. 8º III–V: the
     * matrícula follows it (transferência with its destination, conclusão, abandono, óbito), and a
     * conclusão marks the basic education concluded (the 18–20 band's condition, art. 9º II c).
     */
    async aplicarOcorrenciaMatricula(o: { casoId: string; tipo: Ocorrencia; data: string; destinoInep: string | null }): Promise<void> {
      if (o.tipo === 'mudanca-endereco') return;
      const caso = await db.selectFrom('caso_frequencia').select(['estudante_id', 'codigo_inep']).where('id', '=', o.casoId).executeTakeFirstOrThrow();
      const situacao = ({ transferencia: 'transferida', conclusao: 'concluida', abandono: 'abandono', obito: 'obito' } as const)[o.tipo];
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('matricula')
          .set({ situacao, fim: o.data, destino_inep: o.destinoInep, atualizado_em: sql<Date>`now()` })
          .where('estudante_id', '=', caso.estudante_id)
          .where('codigo_inep', '=', caso.codigo_inep)
          .where('situacao', '=', 'ativa')
          .execute();
        if (o.tipo === 'conclusao') {
          await trx.updateTable('estudante').set({ educacao_basica_concluida: true, atualizado_em: sql<Date>`now()` }).where('id', '=', caso.estudante_id).execute();
        }
      });
    },
  };
}

export type FrequenciaActivities = ReturnType<typeof createFrequenciaActivities>;
