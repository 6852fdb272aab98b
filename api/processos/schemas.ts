import { z } from 'zod';
import { cnpjSchema, codigoIbgeSchema, codigoInepSchema, cpfSchema, numeroSeiSchema, ufSchema } from '../../rules/identificadores';
import { TIPOS_PROCESSO, tipoProcesso, tiposProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { acaoDisponivelSchema } from '../ritos/disponiveis';
import { enderecoEmailSchema } from '../schemas';

const texto = (campo: string, max = 300) =>
  z
    .string({ error: `${campo} é obrigatório` })
    .trim()
    .min(1, `${campo} é obrigatório`)
    .max(max, `${campo} deve ter no máximo ${max} caracteres`);

/** Kinds are checked against the registry when a request comes, so that a rite registered later is accepted. */
export const tipoProcessoSchema = z.string({ error: 'informe o tipo do processo' }).superRefine((tipo, ctx) => {
  const info = tipoProcesso(tipo);
  if (!info) {
    const abertos = tiposProcesso().filter((t) => ritoDoTipo(t));
    ctx.addIssue({ code: 'custom', message: `tipo deve ser um de: ${abertos.join(', ')}` });
  } else if (!ritoDoTipo(tipo)) {
    ctx.addIssue({ code: 'custom', message: `processos de ${info.rotulo} ainda não podem ser abertos: o rito deste tipo ainda não está disponível` });
  }
});

export const aberturaSchema = z
  .object({
    tipo: tipoProcessoSchema.describe(
      Object.entries(TIPOS_PROCESSO)
        .filter(([k]) => ritoDoTipo(k))
        .map(([k, v]) => `${k}: ${v.rotulo}`)
        .join('; '),
    ),
    instituicao: z.object({
      cnpj: cnpjSchema.describe('CNPJ da mantenedora (numérico ou alfanumérico)'),
      codigoInep: codigoInepSchema.describe('Código INEP da escola (8 dígitos)'),
      nome: texto('nome da instituição'),
      municipio: codigoIbgeSchema.optional().describe('Código IBGE do município da escola (feriados municipais contam nos prazos)'),
      endereco: z
        .object({
          logradouro: texto('logradouro', 200),
          complemento: z.string().trim().max(120).optional(),
          bairro: texto('bairro', 120),
          cep: z.string().trim().regex(/^\d{5}-?\d{3}$/, 'CEP inválido: use 00000-000'),
          municipio: texto('município', 120),
          uf: ufSchema,
        }, { error: 'informe o endereço da escola (logradouro, bairro, cep, municipio, uf)' })
        .describe('Endereço da escola, como constará nos ofícios'),
      mantenedora: texto('nome da mantenedora', 200).optional().describe('Razão social da mantenedora, se diferente do nome da escola'),
    }, { error: 'informe a instituição de ensino (cnpj, codigoInep, nome, endereco)' }),
    unidade: texto('unidade (COOIE)', 120).describe('COOIE responsável, por exemplo "METROPOLITANA I"'),
    numeroSei: numeroSeiSchema.nullish().describe('Número do processo SEI, quando já autuado'),
    requerente: z.object({
      nome: texto('nome do requerente'),
      cpf: cpfSchema,
      email: enderecoEmailSchema('e-mail do requerente inválido'),
    }, { error: 'informe o requerente (nome, cpf, email)' }),
  })
  .meta({ id: 'AberturaProcesso' });

export type AberturaBody = z.output<typeof aberturaSchema>;

export const processoSchema = z
  .object({
    id: z.string(),
    tipo: z.string(),
    tipoRotulo: z.string(),
    fase: z.string().describe('Fase atual, como o workflow a registrou no modelo de leitura (toda ação só é respondida depois de registrada)'),
    faseFonte: z
      .enum(['workflow', 'modelo-de-leitura'])
      .describe(
        'modelo-de-leitura: o estado que o workflow registrou (o caso comum). workflow: o processo ainda não havia registrado seu estado (aberto há instantes) e o workflow foi consultado.',
      ),
    encerrado: z.boolean(),
    instituicao: z.object({ cnpj: z.string(), codigoInep: z.string(), nome: z.string() }),
    unidade: z.string(),
    numeroSei: z.string().nullable(),
    requerente: z.object({ nome: z.string(), email: z.string() }),
    prazoLimite: z.string().nullable(),
    abertoPor: z.string(),
    criadoEm: z.string(),
    atualizadoEm: z.string(),
    acoes: z.array(acaoDisponivelSchema).optional().describe('As ações que quem pergunta pode praticar agora, com o esquema dos dados de cada uma'),
  })
  .meta({ id: 'Processo' });

export type ProcessoView = z.infer<typeof processoSchema>;

export const listagemQuerySchema = z.object({
  tipo: z
    .string()
    .refine((t) => tipoProcesso(t) !== undefined, { error: () => `tipo deve ser um de: ${tiposProcesso().join(', ')}` })
    .optional(),
  fase: z.string().max(60).optional(),
  unidade: z.string().max(120).optional(),
  cnpj: cnpjSchema.optional(),
  encerrado: z.enum(['true', 'false'], { error: 'encerrado deve ser true ou false' }).transform((v) => v === 'true').optional(),
  prazoAte: z.iso.datetime({ offset: true, error: 'prazoAte deve ser data-hora ISO 8601' }).optional(),
  limite: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('id do último processo da página anterior'),
});

export const listagemSchema = z
  .object({ itens: z.array(processoSchema), proximoCursor: z.string().nullable() })
  .meta({ id: 'ListaProcessos' });
