import { z } from 'zod';
import { CODIGO_IBGE_UF, UFS, type UF } from '../../rules/calendario';
import { validarCodigoIbge } from '../../rules/identificadores';
import { emailSchema } from '../contas/schemas';

const texto = (campo: string, max: number) =>
  z
    .string({ error: `${campo} é obrigatório` })
    .trim()
    .min(1, `${campo} é obrigatório`)
    .max(max, `${campo} deve ter no máximo ${max} caracteres`);

/** Optional text: null or absent means "a cadastrar". */
const textoOpcional = (campo: string, max: number) => texto(campo, max).nullable().optional();

const ufSchema = z
  .string({ error: 'uf é obrigatória' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => (UFS as readonly string[]).includes(v), { message: 'uf deve ser a sigla de uma UF (RJ, SP, DF…)' });

export const siglaSchema = z
  .string({ error: 'sigla é obrigatória' })
  .trim()
  .max(60, 'sigla deve ter no máximo 60 caracteres')
  .regex(
    /^[A-Z0-9][A-Z0-9-]*$/,
    'sigla em maiúsculas, sem espaços nem acentos, só letras, algarismos e hífen, como o Padrão Ofício a escreve (ex.: COOIE-METROPOLITANAI)',
  );

const sedeSchema = z
  .object({
    municipio: z
      .string({ error: 'sede.municipio é obrigatório' })
      .trim()
      .superRefine((v, ctx) => {
        const r = validarCodigoIbge(v);
        if (!r.valido) ctx.addIssue({ code: 'custom', message: r.mensagem.replace('Código IBGE', 'código IBGE') });
      })
      .describe('Código IBGE do município-sede (7 dígitos)'),
    nome: texto('sede.nome', 120).describe('Nome do município-sede, como os documentos o escrevem'),
  })
  .describe('Município-sede: o calendário dos prazos da unidade e o lugar dos seus documentos. null: a cadastrar');

const dataSchema = z.iso.date({ error: 'use uma data AAAA-MM-DD' });

const campos = {
  nome: texto('nome', 200).describe('Nome oficial por extenso'),
  sigla: siglaSchema,
  tipo: z.enum(['cooie', 'coogie'], { error: 'tipo deve ser cooie (regional) ou coogie (central)' }),
  uf: ufSchema.describe('UF da sede'),
  sede: sedeSchema.nullable().optional(),
  endereco: textoOpcional('endereco', 300).describe('Endereço da sede numa linha; null: a cadastrar'),
  email: emailSchema.nullable().optional(),
  telefone: textoOpcional('telefone', 40),
  vigenteDesde: dataSchema.nullable().optional().describe('Desde quando a unidade existe com estes dados; null: a cadastrar'),
  fonte: texto('fonte', 1000).describe('De onde vêm os dados (ato, página oficial) e o que falta cadastrar'),
};

/** The seat's IBGE code must belong to the unit's UF. */
export function sedeNaUf(d: { uf?: string; sede?: { municipio: string } | null }, ctx: z.RefinementCtx, ufAtual?: string) {
  const uf = d.uf ?? ufAtual;
  const m = d.sede?.municipio;
  if (!uf || !m || !validarCodigoIbge(m).valido) return;
  const prefixo = CODIGO_IBGE_UF[uf as UF];
  if (prefixo && m.slice(0, 2) !== prefixo) ctx.addIssue({ code: 'custom', path: ['sede', 'municipio'], message: `o município ${m} não pertence à UF ${uf}` });
}

export const unidadeCriacaoSchema = z
  .object({ chave: texto('chave', 120).describe('Como processos e contas escrevem a unidade (ex.: "METROPOLITANA I")'), ...campos, uf: campos.uf.default('RJ') })
  .superRefine((d, ctx) => sedeNaUf(d, ctx))
  .meta({
    id: 'NovaUnidade',
    example: {
      chave: 'METROPOLITANA I',
      nome: 'Coordenadoria Regional de Inspeção Escolar Metropolitana I',
      sigla: 'COOIE-METROPOLITANAI',
      tipo: 'cooie',
      uf: 'RJ',
      sede: { municipio: '3304557', nome: 'Rio de Janeiro' },
      endereco: null,
      email: null,
      telefone: null,
      vigenteDesde: null,
      fonte: 'Endereço e contato a cadastrar',
    },
  });

export const unidadeAlteracaoSchema = z
  .object({
    nome: campos.nome.optional(),
    sigla: campos.sigla.optional(),
    tipo: campos.tipo.optional(),
    uf: campos.uf.optional(),
    sede: campos.sede,
    endereco: campos.endereco,
    email: campos.email,
    telefone: campos.telefone,
    vigenteDesde: campos.vigenteDesde,
    fonte: campos.fonte.optional(),
  })
  .meta({ id: 'AlteracaoUnidade' });

export const unidadeSchema = z
  .object({
    chave: z.string(),
    nome: z.string(),
    sigla: z.string(),
    tipo: z.enum(['cooie', 'coogie']),
    uf: z.string(),
    sede: z.object({ municipio: z.string(), nome: z.string() }).nullable(),
    endereco: z.string().nullable(),
    email: z.string().nullable(),
    telefone: z.string().nullable(),
    vigenteDesde: z.string().nullable(),
    /** What is still to be filled in, for the administrator. */
    pendencias: z.array(z.string()).describe('O que falta cadastrar (sede, endereço, contato, início de vigência)'),
    fonte: z.string(),
    criadoPor: z.string(),
    criadoEm: z.string(),
    atualizadoPor: z.string(),
    atualizadoEm: z.string(),
  })
  .meta({ id: 'Unidade' });

export const listaUnidadesSchema = z.object({ itens: z.array(unidadeSchema) }).meta({ id: 'ListaUnidades' });
export const chaveUnidadeParams = z.object({ chave: z.string().trim().min(1, 'chave é obrigatória').max(120, 'chave deve ter no máximo 120 caracteres') });
export const listaUnidadesQuery = z.object({ tipo: campos.tipo.optional() });
