/**
 * The checklists applied item by item (issue 10 item 9; seed 003, Fluxo 3
 * "aplicando checklist de conferência documental de análise de forma" and
 * Fluxo 8 "formulário de visita padrão (Termo de Visita)").
 */
import { describe, expect, it } from 'vitest';
import { conferirChecklist, exigenciasDoChecklist } from '../../rules/vistoria/checklist-aplicado';
import { checklistForma, verificacoesDaVisita } from '../support/checklists';

describe('conferirChecklist', () => {
  it('accepts the apostilamento checklist whole, with only the conditional item as não se aplica', () => {
    // Apostilamento de endereço: items a–e unconditional, f ("declaração de capacidade máxima") only when the address raises capacity.
    expect(conferirChecklist('apostilamento-endereco', 'documentos', checklistForma('apostilamento-endereco'))).toEqual({ problemas: [], emFalta: [] });
  });

  it('names every item left out, by code and alínea', () => {
    const sem = checklistForma('apostilamento-endereco').filter((i) => i.codigo !== 'alvara-localizacao' && i.codigo !== 'laudo-seguranca-acessibilidade');
    const r = conferirChecklist('apostilamento-endereco', 'documentos', sem);
    expect(r.problemas).toEqual(['registre cada item do checklist da análise de forma; faltam: "alvara-localizacao" (alínea c), "laudo-seguranca-acessibilidade" (alínea e)']);
  });

  it('refuses "não se aplica" on an item the seed requires, an unknown code and a repeated one', () => {
    const lista = checklistForma('apostilamento-endereco').map((i) => (i.codigo === 'requerimento-inicial' ? { ...i, situacao: 'nao-se-aplica' as const } : i));
    const r = conferirChecklist('apostilamento-endereco', 'documentos', [...lista, { codigo: 'planta-baixa', situacao: 'conforme' }, { codigo: 'alvara-localizacao', situacao: 'conforme' }]);
    expect(r.problemas).toEqual([
      'item 1: "requerimento-inicial" é obrigatório para este tipo de processo e não pode ser marcado como não aplicável',
      'item 7: "planta-baixa" não é item do checklist da análise de forma deste tipo de processo',
      'item 8: "alvara-localizacao" registrado mais de uma vez',
    ]);
  });

  it('takes the Termo\'s free points (no code) as extra, and its visit items by code', () => {
    const verificacoes = [...verificacoesDaVisita('apostilamento-endereco', ['visita-area-continua']), { item: 'Quadra coberta em obras', situacao: 'nao-atende' as const }];
    const r = conferirChecklist('apostilamento-endereco', 'visita', verificacoes);
    expect(r.problemas).toEqual([]);
    expect(r.emFalta.map((f) => f.item.codigo)).toEqual(['visita-area-continua']);
  });
});

describe('exigenciasDoChecklist', () => {
  it('derives one exigência per item found wanting, with the item\'s base legal, and keeps the servidor\'s wording for an item he wrote', () => {
    const r = conferirChecklist('apostilamento-endereco', 'documentos', [
      ...checklistForma('apostilamento-endereco', ['alvara-localizacao', 'laudo-seguranca-acessibilidade']).map((i) =>
        i.codigo === 'alvara-localizacao' ? { ...i, observacao: 'O alvará apresentado está vencido desde março.' } : i,
      ),
    ]);
    const propria = { codigo: 'laudo-seguranca-acessibilidade', descricao: 'Laudo do imóvel novo', motivacao: 'O laudo cobre só o imóvel antigo.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII', natureza: 'documental' as const };
    const exigencias = exigenciasDoChecklist('apostilamento-endereco', r.emFalta, [propria]);
    expect(exigencias).toEqual([
      // Alínea c carries its own dispositivo in seed 003 (art. 30, III); the observação is the motivação.
      { codigo: 'alvara-localizacao', descricao: expect.any(String), motivacao: 'O alvará apresentado está vencido desde março.', baseLegal: 'Deliberação CEE nº 388/2020, art. 30, III', natureza: 'documental' },
      propria,
    ]);
  });

  it('gives an exigência física for a visit item that does not meet', () => {
    const r = conferirChecklist('apostilamento-endereco', 'visita', verificacoesDaVisita('apostilamento-endereco', ['visita-laudo-condiz']));
    expect(exigenciasDoChecklist('apostilamento-endereco', r.emFalta, [])).toEqual([expect.objectContaining({ codigo: 'visita-laudo-condiz', natureza: 'fisica' })]);
  });
});
