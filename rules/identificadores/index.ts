/**
 * Brazilian identifiers: validation, normalisation, formatting, LGPD masking and zod
 * schemas. Pure and deterministic — safe to import from Temporal workflow code.
 */
export { type MotivoInvalidez, type ResultadoValidacao, IdentificadorInvalidoError, removerPontuacao } from './comum';
export * from './cpf';
export * from './cnpj';
export * from './nis';
export * from './inep';
export * from './uf';
export * from './ibge';
export * from './sei';
export * from './mascara';
export * from './schemas';
