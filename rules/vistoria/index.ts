/** Pure rules of the vistoria rite (seed 003). Safe to import from Temporal workflow code. */
export * from './tipos';
export * from './checklists';
export * from './analise-forma';
export * from './fases';
export * from './comissao';
export * from './rito';
