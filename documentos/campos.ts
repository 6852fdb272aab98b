/**
 * zod building blocks shared by the document schemas (documentos/catalogo.ts).
 * Every text field is trimmed and must not be blank: a missing or empty field is
 * an error, never a blank in the rendered document. Objects are strict, so a
 * misspelt field name is reported instead of silently ignored.
 */
import { z } from 'zod';
import '../config/settings'; // pt-BR validation messages (z.config(z.locales.ptBR()))
import { cep, dataCivil, endereco, type Endereco, hora, LIMITES_EXIGENCIA, texto } from '../rules/campos';
import { cnpjSchema, codigoInepSchema, ufSchema } from '../rules/identificadores/schemas';
import { TAMANHO_COMISSAO_VISTORIA, TIPOS_VISTORIA, validarComissao } from '../rules/vistoria';

export { texto };

/** Free text as a list of paragraphs (each rendered as its own escaped <p>; no HTML accepted). */
export const paragrafos = (max = 30) =>
  z.array(texto(5000)).min(1, 'informe ao menos um parágrafo').max(max, `no máximo ${max} parágrafos`);

export { dataCivil, hora };

/** 'AAAA-MM', for a month of attendance. */
export const mesCivil = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'mês inválido: use AAAA-MM');

export { cep, endereco, type Endereco };

/** The issuing body as the cabeçalho shows it, from the highest to the lowest level. */
export const emissor = z.strictObject({
  orgao: z.array(texto(200)).min(1, 'informe ao menos o nome do órgão').max(6, 'no máximo 6 linhas'),
  /** Address, telephone, e-mail, site: shown centred in the footer (optional in the Padrão Ofício). */
  contato: z.array(texto(300)).max(4, 'no máximo 4 linhas').optional(),
});

export const fecho = z.enum(['Atenciosamente', 'Respeitosamente'], {
  error: 'use "Atenciosamente" (mesma hierarquia ou inferior) ou "Respeitosamente" (hierarquia superior)',
});

/** "Senhor Representante Legal" (the comma is added by the layout). */
export const vocativo = texto(150).overwrite((v) => v.replace(/[\s,]+$/, ''));

export const signatario = z.strictObject({
  nome: texto(150),
  cargo: texto(200),
  matricula: texto(40).optional(),
});
export type Signatario = z.output<typeof signatario>;

/** Addressee who holds an office in an institution (Padrão Ofício endereçamento). */
export const destinatarioInstitucional = z.strictObject({
  /** Pronoun of address: 'A Sua Senhoria o Senhor', 'A Sua Senhoria a Senhora', 'A Sua Excelência o Senhor'. */
  tratamento: texto(80),
  nome: texto(150),
  cargo: texto(200),
  instituicao: texto(200),
  endereco,
});

/** Addressee who is a private person (a student's family). */
export const destinatarioPessoa = z.strictObject({
  tratamento: texto(80),
  nome: texto(150),
  /** 'Responsável legal pelo(a) estudante Ana Souza'. */
  qualificacao: texto(200),
  endereco,
});

/** Parts every ofício shares (Manual de Redação da Presidência da República, 3ª ed., Padrão Ofício). */
export const comunicacaoBase = {
  emissor,
  /** City where the document is issued, without the UF: 'Rio de Janeiro'. */
  local: texto(80),
  destinatario: destinatarioInstitucional,
  vocativo,
  fecho,
  signatario,
};

/** Parts every act (Ordem de Serviço, termos, edital, estudo) shares. */
export const atoBase = {
  emissor,
  local: texto(80),
};

export const tipoVistoria = z.enum(TIPOS_VISTORIA, {
  error: `tipo de vistoria inválido: use ${TIPOS_VISTORIA.map((t) => `"${t}"`).join(', ')}`,
});

export const instituicaoEnsino = z.strictObject({
  nome: texto(200),
  cnpj: cnpjSchema,
  codigoInep: codigoInepSchema,
});

export const instituicaoComEndereco = z.strictObject({
  nome: texto(200),
  cnpj: cnpjSchema,
  codigoInep: codigoInepSchema,
  endereco,
});

export const escola = z.strictObject({ nome: texto(200), codigoInep: codigoInepSchema });

export const membroComissao = z.strictObject({
  nome: texto(150),
  matricula: texto(40),
  cargo: texto(150).optional(),
});

/** Comissão de Vistoria: exactly 3 distinct servidores (rules/vistoria/comissao.ts). */
export const comissao = z
  .array(membroComissao)
  .length(TAMANHO_COMISSAO_VISTORIA, 'a Comissão de Vistoria deve ter exatamente 3 servidores')
  .superRefine((membros, ctx) => {
    for (const erro of validarComissao(membros).erros) {
      if (erro.campo === 'membros') continue; // the length is reported above
      const m = /^membros\[(\d+)\]\.(\w+)$/.exec(erro.campo);
      ctx.addIssue({ code: 'custom', message: erro.mensagem, path: m ? [Number(m[1]), m[2]!] : [] });
    }
  });

/** An exigência must state its motivação and base legal (DOMAIN, Vistoria rites, step 5). */
export const exigencia = z.strictObject({
  natureza: z.enum(['documental', 'fisica'], { error: 'natureza inválida: use "documental" ou "fisica"' }),
  descricao: texto(LIMITES_EXIGENCIA.descricao),
  motivacao: texto(LIMITES_EXIGENCIA.motivacao),
  baseLegal: texto(LIMITES_EXIGENCIA.baseLegal),
});
export type Exigencia = z.output<typeof exigencia>;

/** A decision or act cited by another document. */
export const atoReferido = z.strictObject({
  /** 'Pronunciamento nº 4/2026/COOIE-METROPOLITANA I'. */
  identificacao: texto(200),
  data: dataCivil,
});

/** Dates of a running prazo: the last day as computed by rules/prazos, and the ciência it was counted from. */
export const datasPrazo = z.strictObject({
  /** Date of ciência (or of the comunicação, for prazos counted from the first business day after it). */
  ciencia: dataCivil.optional(),
  /**
   * Last day of the prazo (YYYY-MM-DD), already moved to a business day; the limit is 23:59:59 of that day.
   * Absent on the notice that starts the prazo: it runs from a ciência not yet known (explicit, or tacit 10 days after sending).
   */
  vencimento: dataCivil.optional(),
});
