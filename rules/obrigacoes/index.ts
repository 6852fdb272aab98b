/**
 * Periodic obligations of seed 003 (Relatório Anual, RGA): who owes them,
 * their due dates on the business-day calendar, and the RGA's file name.
 * Pure: safe to import from Temporal workflow code.
 */
export * from './vencimentos';
export * from './nome-rga';
export * from './oferta-ead';
