import { describe, expect, it } from 'vitest';
import {
  ACOES_VISTORIA,
  ACOES_VISTORIA_CODIGOS,
  ANTECEDENCIA_MINIMA_VISITA,
  CODIGOS_PRAZO_VISTORIA,
  FASES_VISTORIA,
  FASES_VISTORIA_CODIGOS,
  FASE_INICIAL,
  PRAZOS_VISTORIA,
  TRANSICOES_VISTORIA,
  acoesDisponiveis,
  fasesAlcancaveis,
  transicaoPermitida,
  transicoesDe,
  type AcaoVistoria,
  type FaseVistoria,
} from '../../rules/vistoria/fases';
import { SEED_VISTORIAS } from './seed';

/** Follows a path of actions from 'requerimento', failing loudly on a refused step. */
function percorrer(acoes: AcaoVistoria[]): FaseVistoria {
  let fase: FaseVistoria = FASE_INICIAL;
  for (const a of acoes) {
    const r = transicaoPermitida(fase, a);
    if (!r.permitida) throw new Error(`${fase} --${a}--> recusada: ${r.motivo}`);
    fase = r.destino;
  }
  return fase;
}

describe('tabela de fases e transições', () => {
  it('contém as fases pedidas (passos 1–11 do DOMAIN)', () => {
    for (const f of [
      'requerimento', 'analise-forma', 'exigencias-forma', 'ordem-servico', 'analise-merito', 'visita-agendada',
      'exigencias-merito', 'pronunciamento', 'encaminhado-coogie', 'edital-publicado', 'indeferido',
      'reconsideracao-comissao', 'reconsideracao-coogie', 'estudo-tecnico', 'recurso-cee', 'art-49',
    ]) {
      expect(FASES_VISTORIA_CODIGOS).toContain(f);
    }
    expect(Object.keys(FASES_VISTORIA).sort()).toEqual([...FASES_VISTORIA_CODIGOS].sort());
    for (const f of FASES_VISTORIA_CODIGOS) expect(FASES_VISTORIA[f].fase).toBe(f);
  });

  it('toda fase é alcançável a partir de "requerimento"', () => {
    expect([...fasesAlcancaveis('requerimento')].sort()).toEqual([...FASES_VISTORIA_CODIGOS].sort());
  });

  it('de toda fase se chega a uma fase final', () => {
    for (const f of FASES_VISTORIA_CODIGOS) {
      const finais = [...fasesAlcancaveis(f)].filter((x) => FASES_VISTORIA[x].terminal);
      expect(finais.length, f).toBeGreaterThan(0);
    }
  });

  it('fases finais não têm saída; as demais têm', () => {
    const finais = FASES_VISTORIA_CODIGOS.filter((f) => FASES_VISTORIA[f].terminal);
    expect(finais.sort()).toEqual(['arquivado', 'art-49', 'edital-publicado', 'recurso-cee']);
    for (const f of FASES_VISTORIA_CODIGOS) {
      expect(transicoesDe(f).length === 0, f).toBe(FASES_VISTORIA[f].terminal);
    }
  });

  it('determinística: no máximo uma transição por (fase, ação); toda ação é usada', () => {
    const chaves = TRANSICOES_VISTORIA.map((x) => `${x.de}|${x.acao}`);
    expect(new Set(chaves).size).toBe(chaves.length);
    const usadas = new Set(TRANSICOES_VISTORIA.map((x) => x.acao));
    expect([...usadas].sort()).toEqual([...ACOES_VISTORIA_CODIGOS].sort());
    for (const a of ACOES_VISTORIA_CODIGOS) expect(ACOES_VISTORIA[a].acao).toBe(a);
  });

  it('toda fase com prazo tem "expirar-prazo"; nenhuma outra tem', () => {
    for (const f of FASES_VISTORIA_CODIGOS) {
      expect(acoesDisponiveis(f).includes('expirar-prazo'), f).toBe(FASES_VISTORIA[f].aguardaPrazo !== null);
    }
  });

  it('só se prorroga prazo prorrogável', () => {
    for (const x of TRANSICOES_VISTORIA.filter((y) => y.acao === 'prorrogar-prazo')) {
      const p = FASES_VISTORIA[x.de].aguardaPrazo;
      expect(p && PRAZOS_VISTORIA[p].prorrogavel).toBe(true);
      expect(x.para).toBe(x.de);
    }
  });
});

describe('PRAZOS_VISTORIA', () => {
  it('os quatro prazos do rito e o do recurso ao CEE', () => {
    expect(PRAZOS_VISTORIA['exigencias-forma']).toMatchObject({ dias: 10, uteis: false, contarDe: 'dia-seguinte', prorrogavel: false, improrrogavelExpresso: true });
    expect(PRAZOS_VISTORIA['exigencias-merito']).toMatchObject({ dias: 20, uteis: false, contarDe: 'dia-seguinte', prorrogavel: true });
    expect(PRAZOS_VISTORIA.reconsideracao).toMatchObject({
      dias: 20, uteis: false, contarDe: 'primeiro-dia-util', prorrogavel: false, baseLegal: 'Deliberação CEE nº 388/2020, art. 41, § 1º',
    });
    expect(PRAZOS_VISTORIA['estudo-tecnico']).toMatchObject({ dias: 10, uteis: true, prorrogavel: false });
    expect(PRAZOS_VISTORIA['recurso-cee']).toMatchObject({ dias: 20, uteis: false, prorrogavel: false, baseLegal: 'Deliberação CEE nº 388/2020, art. 44' });
  });

  it('a fonte de cada prazo é citação literal do seed', () => {
    for (const c of CODIGOS_PRAZO_VISTORIA) {
      expect(SEED_VISTORIAS, c).toContain(PRAZOS_VISTORIA[c].fonte);
      expect(PRAZOS_VISTORIA[c].codigo).toBe(c);
    }
    expect(SEED_VISTORIAS).toContain(ANTECEDENCIA_MINIMA_VISITA.fonte);
    expect(ANTECEDENCIA_MINIMA_VISITA.dias).toBe(5);
  });

  it('cada prazo é aguardado por alguma fase', () => {
    const aguardados = new Set(FASES_VISTORIA_CODIGOS.map((f) => FASES_VISTORIA[f].aguardaPrazo));
    for (const c of CODIGOS_PRAZO_VISTORIA) expect(aguardados.has(c), c).toBe(true);
  });
});

describe('caminhos do rito', () => {
  it('caminho feliz: forma ok, visita sem exigências, deferimento, edital', () => {
    expect(
      percorrer(['autuar', 'aprovar-forma', 'publicar-ordem-servico', 'agendar-visita', 'concluir-visita-sem-exigencias', 'deferir', 'publicar-edital']),
    ).toBe('edital-publicado');
  });

  it('exigências de forma e de mérito, prorrogação, deferimento', () => {
    expect(
      percorrer([
        'autuar', 'registrar-exigencias-forma', 'cumprir-exigencias', 'aprovar-forma', 'publicar-ordem-servico',
        'agendar-visita', 'reagendar-visita', 'registrar-exigencias-merito', 'prorrogar-prazo', 'expirar-prazo', 'deferir', 'publicar-edital',
      ]),
    ).toBe('edital-publicado');
  });

  it('exigências de forma não cumpridas → arquivamento', () => {
    expect(percorrer(['autuar', 'registrar-exigencias-forma', 'expirar-prazo', 'arquivar'])).toBe('arquivado');
  });

  const ate = ['autuar', 'aprovar-forma', 'publicar-ordem-servico', 'agendar-visita', 'registrar-exigencias-merito', 'cumprir-exigencias', 'concluir-cumprimento', 'indeferir'] as AcaoVistoria[];

  it('indeferimento sem pedido de reconsideração → art. 49', () => {
    expect(percorrer(ate)).toBe('indeferido');
    expect(percorrer([...ate, 'expirar-prazo'])).toBe('art-49');
    expect(percorrer([...ate, 'pedir-reconsideracao-extemporanea'])).toBe('art-49');
  });

  it('reconsideração pela Comissão com nova verificação in loco → deferimento', () => {
    expect(percorrer([...ate, 'pedir-reconsideracao', 'agendar-visita', 'reconsiderar', 'publicar-edital'])).toBe('edital-publicado');
  });

  it('ratificado pela Comissão, deferido pela COOGIE, nova visita, deferimento', () => {
    expect(
      percorrer([...ate, 'pedir-reconsideracao', 'ratificar-indeferimento', 'emitir-estudo-tecnico', 'responder-estudo-tecnico',
        'designar-comissao-verificacao', 'deferir-reconsideracao', 'agendar-visita', 'deferir', 'publicar-edital']),
    ).toBe('edital-publicado');
  });

  it('COOGIE sem resposta no prazo → Pronunciamento da COOGIE (indeferido) → recurso ao CEE', () => {
    // Seed 003, COOGIE II: the expiry leaves the decision to the COOGIE, which indefere by its own Pronunciamento.
    expect(percorrer([...ate, 'pedir-reconsideracao', 'ratificar-indeferimento', 'emitir-estudo-tecnico', 'expirar-prazo'])).toBe('analise-coogie');
    expect(
      percorrer([...ate, 'pedir-reconsideracao', 'ratificar-indeferimento', 'emitir-estudo-tecnico', 'expirar-prazo', 'indeferir-reconsideracao', 'interpor-recurso-cee']),
    ).toBe('recurso-cee');
  });

  it('COOGIE defere, Comissão mantém indeferimento sem recurso → art. 49', () => {
    expect(
      percorrer([...ate, 'pedir-reconsideracao', 'ratificar-indeferimento', 'emitir-estudo-tecnico', 'responder-estudo-tecnico',
        'deferir-reconsideracao', 'manter-indeferimento', 'expirar-prazo']),
    ).toBe('art-49');
  });
});

describe('transicaoPermitida — recusas com motivo', () => {
  it('prorrogar as exigências de forma: improrrogável', () => {
    const r = transicaoPermitida('exigencias-forma', 'prorrogar-prazo');
    expect(r.permitida).toBe(false);
    if (!r.permitida) expect(r.motivo).toMatch(/^O prazo de 10 dias para cumprimento das exigências da análise de forma é improrrogável/);
  });

  it('prorrogar o prazo de reconsideração: não admite prorrogação', () => {
    const r = transicaoPermitida('indeferido', 'prorrogar-prazo');
    expect(r.permitida).toBe(false);
    if (!r.permitida) expect(r.motivo).toMatch(/não admite prorrogação \(Deliberação CEE nº 388\/2020, art\. 41, § 1º\)/);
  });

  it('pedido de reconsideração após o prazo: extemporâneo, indeferimento compulsório', () => {
    const r = transicaoPermitida('art-49', 'pedir-reconsideracao');
    expect(r.permitida).toBe(false);
    if (!r.permitida) expect(r.motivo).toMatch(/extemporâneo e seu indeferimento é compulsório/);
  });

  it('recurso ao CEE antes de esgotadas as instâncias da SEEDUC', () => {
    const r = transicaoPermitida('indeferido', 'interpor-recurso-cee');
    expect(r.permitida).toBe(false);
    if (!r.permitida) expect(r.motivo).toMatch(/somente é cabível contra decisão denegatória emitida por todas as instâncias/);
  });

  it('fase final não admite ações', () => {
    for (const f of FASES_VISTORIA_CODIGOS.filter((x) => FASES_VISTORIA[x].terminal)) {
      for (const a of ACOES_VISTORIA_CODIGOS) {
        const r = transicaoPermitida(f, a);
        expect(r.permitida).toBe(false);
        if (!r.permitida) expect(r.motivo.length).toBeGreaterThan(10);
      }
    }
    const r = transicaoPermitida('edital-publicado', 'deferir');
    if (!r.permitida) expect(r.motivo).toBe('A fase "Edital de cadastramento publicado no DOERJ" é final; nenhuma ação é admitida (ação pedida: "Emitir Pronunciamento de deferimento").');
  });

  it('ação fora de lugar lista as admitidas', () => {
    const r = transicaoPermitida('analise-forma', 'deferir');
    expect(r.permitida).toBe(false);
    if (!r.permitida) {
      expect(r.motivo).toMatch(/^A ação "Emitir Pronunciamento de deferimento" não é admitida na fase "Análise de forma/);
      expect(r.motivo).toContain('Concluir a análise de forma sem exigências pendentes');
    }
  });

  it('fase ou ação desconhecida', () => {
    expect(transicaoPermitida('nada', 'autuar')).toEqual({ permitida: false, motivo: 'Fase desconhecida: "nada".' });
    expect(transicaoPermitida('requerimento', 'voar')).toEqual({ permitida: false, motivo: 'Ação desconhecida: "voar".' });
  });

  it('toda recusa tem motivo; toda permissão bate com a tabela', () => {
    for (const f of FASES_VISTORIA_CODIGOS) {
      for (const a of ACOES_VISTORIA_CODIGOS) {
        const r = transicaoPermitida(f, a);
        const linha = TRANSICOES_VISTORIA.find((x) => x.de === f && x.acao === a);
        if (r.permitida) expect(r.destino).toBe(linha?.para);
        else {
          expect(linha).toBeUndefined();
          expect(r.motivo.trim()).not.toBe('');
        }
      }
    }
  });
});
