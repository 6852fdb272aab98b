import { z } from 'zod';
import { ipsPermitidosSchema, redeSchema } from '../lotes/rede';
import { cnpjSchema } from '../../rules/identificadores';
import { PAPEIS, PAPEIS_DE_PESSOA } from '../auth/ator';
import { enderecoEmailSchema } from '../schemas';
import { problemasDaSenha, SENHA_MAXIMO, SENHA_MINIMO } from '../auth/politica-senha';

export const emailSchema = enderecoEmailSchema('e-mail inválido').overwrite((v) => v.trim().toLowerCase());

export { SENHA_MINIMO };
/** What can be refused without knowing whose password it is; the account's e-mail and name are checked where the account is known. */
export const senhaSchema = z
  .string({ error: 'senha é obrigatória' })
  .min(SENHA_MINIMO, `a senha deve ter ao menos ${SENHA_MINIMO} caracteres`)
  .max(SENHA_MAXIMO, `a senha deve ter no máximo ${SENHA_MAXIMO} caracteres`)
  .superRefine((senha, ctx) => {
    if (senha.length < SENHA_MINIMO || senha.length > SENHA_MAXIMO) return;
    for (const mensagem of problemasDaSenha(senha)) ctx.addIssue({ code: 'custom', message: mensagem });
  });

const texto = (campo: string, max = 200) =>
  z
    .string({ error: `${campo} é obrigatório` })
    .trim()
    .min(1, `${campo} é obrigatório`)
    .max(max, `${campo} deve ter no máximo ${max} caracteres`);

/** A civil date (YYYY-MM-DD, Brasília) or an instant with offset. */
export const dataOuInstanteSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'use uma data (AAAA-MM-DD) ou data-hora ISO 8601 com fuso',
});

export const papelPessoaSchema = z.enum(PAPEIS_DE_PESSOA as [string, ...string[]], {
  error: `papel deve ser um de: ${PAPEIS_DE_PESSOA.join(', ')}`,
});
export const papelChaveSchema = z.enum(PAPEIS.filter((p) => p !== 'administrador') as [string, ...string[]], {
  error: `papel de chave deve ser um de: ${PAPEIS.filter((p) => p !== 'administrador').join(', ')}`,
});

export const atorSchema = z
  .object({
    id: z.string(),
    nome: z.string(),
    papeis: z.array(z.string()),
    unidade: z.string().nullable(),
    instituicoes: z.array(z.string()).describe('CNPJs das instituições representadas hoje (mandatos vigentes)'),
    comissoes: z.array(z.string()).describe('Processos em cuja Comissão de Vistoria o usuário está designado'),
  })
  .meta({ id: 'Ator' });

export const loginSchema = z.object({ email: emailSchema, senha: z.string().min(1, 'senha é obrigatória').max(200) }).meta({ id: 'Login' });

export const sessaoCriadaSchema = z
  .object({
    ator: atorSchema,
    csrfToken: z.string().describe('Envie no cabeçalho X-CSRF-Token em toda requisição que altera estado'),
    expiraEm: z.string(),
  })
  .meta({ id: 'SessaoCriada' });

export const euSchema = z
  .object({
    ator: atorSchema,
    meio: z.enum(['sessao', 'chave-api']),
    csrfToken: z.string().nullable(),
    expiraEm: z.string().nullable(),
  })
  .meta({ id: 'Eu' });

export const pedidoRedefinicaoSchema = z.object({ email: emailSchema });
export const novaSenhaSchema = z.object({ senha: senhaSchema }).meta({ id: 'NovaSenha' });
export const mensagemSchema = z.object({ mensagem: z.string() });

export const representacaoSchema = z
  .object({
    id: z.string(),
    usuarioId: z.string(),
    instituicao: z.object({ cnpj: z.string(), nome: z.string() }),
    tipo: z.enum(['representante-legal', 'procurador']),
    inicio: z.string(),
    fim: z.string().nullable().describe('Fim exclusivo: o acesso termina neste instante'),
    vigente: z.boolean(),
    documento: z.string().nullable(),
    processos: z.array(z.string()).nullable().describe('Processos (números SEI) a que a procuração se limita; null: todos os da instituição'),
  })
  .meta({ id: 'Representacao' });

export const usuarioSchema = z
  .object({
    id: z.string(),
    nome: z.string(),
    email: z.string(),
    papeis: z.array(z.string()),
    unidade: z.string().nullable(),
    matricula: z.string().nullable(),
    cargo: z.string().nullable(),
    tratamento: z.enum(['senhor', 'senhora']).nullable(),
    ativo: z.boolean(),
    senhaDefinida: z.boolean(),
    criadoEm: z.string(),
    representacoes: z.array(representacaoSchema),
  })
  .meta({ id: 'Usuario' });

export const usuarioCriacaoSchema = z
  .object({
    nome: texto('nome'),
    email: emailSchema,
    papeis: z.array(papelPessoaSchema).min(1, 'informe ao menos um papel').max(6),
    unidade: texto('unidade (COOIE)', 120).nullish().describe('COOIE do servidor, por exemplo "METROPOLITANA I"'),
    matricula: texto('matrícula', 40).nullish().describe('Matrícula (ID funcional) do servidor: vai sob a sua assinatura nos documentos'),
    cargo: texto('cargo', 200).nullish().describe('Cargo como vai sob a assinatura, por exemplo "Inspetora Escolar"; sem ele, o do papel'),
    tratamento: z
      .enum(['senhor', 'senhora'], { error: 'tratamento deve ser "senhor" ou "senhora"' })
      .nullish()
      .describe('Forma de tratamento nos ofícios (Senhor/Senhora); sem ela, a forma neutra'),
    enviarConvite: z.boolean().default(true).describe('Envia por e-mail o link para a pessoa definir a senha (válido por 72 horas)'),
  })
  .meta({ id: 'UsuarioCriacao' });

export const usuarioAlteracaoSchema = z
  .object({
    nome: texto('nome').optional(),
    papeis: z.array(papelPessoaSchema).min(1, 'informe ao menos um papel').max(6).optional(),
    unidade: texto('unidade (COOIE)', 120).nullable().optional(),
    matricula: texto('matrícula', 40).nullish().describe('Matrícula (ID funcional) do servidor: vai sob a sua assinatura nos documentos'),
    cargo: texto('cargo', 200).nullish().describe('Cargo como vai sob a assinatura, por exemplo "Inspetora Escolar"; sem ele, o do papel'),
    tratamento: z
      .enum(['senhor', 'senhora'], { error: 'tratamento deve ser "senhor" ou "senhora"' })
      .nullish()
      .describe('Forma de tratamento nos ofícios (Senhor/Senhora); sem ela, a forma neutra'),
    ativo: z.boolean().optional().describe('false desativa a conta e encerra suas sessões'),
  })
  .meta({ id: 'UsuarioAlteracao' });

export const usuariosQuerySchema = z.object({
  papel: papelPessoaSchema.optional(),
  unidade: z.string().max(120).optional(),
  email: z.string().max(254).optional(),
  ativo: z.enum(['true', 'false'], { error: 'ativo deve ser true ou false' }).transform((v) => v === 'true').optional(),
  limite: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const listaUsuariosSchema = z.object({ itens: z.array(usuarioSchema), proximoCursor: z.string().nullable() }).meta({ id: 'ListaUsuarios' });

export const representacaoCriacaoSchema = z
  .object({
    instituicao: z.object({ cnpj: cnpjSchema, nome: texto('nome da instituição', 300) }),
    tipo: z.enum(['representante-legal', 'procurador'], { error: 'tipo deve ser representante-legal ou procurador' }),
    inicio: dataOuInstanteSchema.optional().describe('Início do mandato; data (00:00 de Brasília) ou data-hora. Padrão: agora'),
    fim: dataOuInstanteSchema
      .nullish()
      .describe('Fim do mandato. Uma data vale até 23:59:59 de Brasília daquele dia; uma data-hora é o instante em que o acesso termina'),
    documento: texto('documento', 500).nullish().describe('Ato que constitui a representação (procuração, contrato social…)'),
  })
  .meta({ id: 'RepresentacaoCriacao' });

export const representacaoAlteracaoSchema = z
  .object({ fim: dataOuInstanteSchema.nullable().describe('Novo fim do mandato (null: sem prazo)') })
  .meta({ id: 'RepresentacaoAlteracao' });

export const chaveCriacaoSchema = z
  .object({
    nome: texto('nome do cliente').describe('Sistema cliente, por exemplo "Sistema de gestão do Colégio Exemplo"'),
    papeis: z.array(papelChaveSchema).min(1, 'informe ao menos um papel').max(4),
    unidade: texto('unidade (COOIE)', 120).nullish(),
    instituicoes: z.array(cnpjSchema).max(200).default([]).describe('CNPJs a que a chave se limita (papel representante)'),
    expiraEm: z.iso.datetime({ offset: true, error: 'expiraEm deve ser data-hora ISO 8601' }).nullish(),
    ambiente: z
      .enum(['homologacao', 'producao'], { error: 'ambiente: homologacao ou producao' })
      .default('producao')
      .describe('Seed 001: a chave de homologação serve a testes (lotes validados e relatados, nada gravado); a de produção, ao envio definitivo'),
    rede: redeSchema.nullish(),
    ipsPermitidos: ipsPermitidosSchema.default([]),
  })
  .meta({ id: 'ChaveApiCriacao' });

export const chaveSchema = z
  .object({
    id: z.string(),
    prefixo: z.string().describe('Parte pública da chave (rito_<prefixo>_…), para reconhecê-la'),
    nome: z.string(),
    papeis: z.array(z.string()),
    unidade: z.string().nullable(),
    instituicoes: z.array(z.string()),
    criadaPor: z.string(),
    criadaEm: z.string(),
    expiraEm: z.string().nullable(),
    revogadaEm: z.string().nullable(),
    ultimoUsoEm: z.string().nullable(),
    ambiente: z.enum(['homologacao', 'producao']),
    rede: z.string().nullable(),
    ipsPermitidos: z.array(z.string()),
  })
  .meta({ id: 'ChaveApi' });

export const chaveCriadaSchema = chaveSchema
  .extend({ chave: z.string().describe('A chave completa. Exibida só agora: guarde-a; o rito mantém apenas seu hash') })
  .meta({ id: 'ChaveApiCriada' });

export const listaChavesSchema = z.object({ itens: z.array(chaveSchema) }).meta({ id: 'ListaChavesApi' });
