import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKLISTS_VISTORIA, CONDICOES, itemPorCodigo, todosItens, type EtapaChecklist } from '../../rules/vistoria/checklists';
import { TIPOS_VISTORIA, TIPOS_VISTORIA_INFO, isTipoVistoria } from '../../rules/vistoria/tipos';
import {
  CAMINHO_SEED_COMPARTILHADA,
  SEED_VISTORIAS,
  hipotesesSeed,
  instrucaoSeed,
  secaoSeed,
  semPontuacaoFinal,
  verificacaoDocumentalSeed,
  visitaSeed,
  type AlineaSeed,
} from './seed';

const DO_SEED: Record<EtapaChecklist, (t: (typeof TIPOS_VISTORIA)[number]) => AlineaSeed[]> = {
  documentos: instrucaoSeed,
  verificacaoDocumental: verificacaoDocumentalSeed,
  visita: visitaSeed,
};

describe('fixture do seed 003', () => {
  it.runIf(existsSync(CAMINHO_SEED_COMPARTILHADA))('é cópia literal do seed compartilhado', () => {
    expect(readFileSync(CAMINHO_SEED_COMPARTILHADA, 'utf8').includes(SEED_VISTORIAS.trimEnd())).toBe(true);
  });
});

describe('tipos de vistoria', () => {
  it('são exatamente os três do seed', () => {
    expect([...TIPOS_VISTORIA].sort()).toEqual(['apostilamento-endereco', 'aumento-capacidade', 'entrada-suplementar']);
    expect(isTipoVistoria('entrada-suplementar')).toBe(true);
    expect(isTipoVistoria('cadastro-etap')).toBe(false);
  });

  it.each(TIPOS_VISTORIA)('%s: título, definição e processo SEI citados literalmente do seed', (tipo) => {
    const info = TIPOS_VISTORIA_INFO[tipo];
    const secao = secaoSeed(tipo);
    expect(secao[0]).toBe(info.titulo);
    expect(secao).toContain(info.definicao);
    expect(secao.some((l) => l.includes(`autuará processo SEI de ${info.processoSei};`))).toBe(true);
  });

  it('Aumento de Capacidade tem base legal art. 5º e as quatro hipóteses do seed', () => {
    const info = TIPOS_VISTORIA_INFO['aumento-capacidade'];
    expect(info.baseLegal).toBe('Deliberação CEE nº 388/2020, art. 5º');
    expect(info.hipoteses).toEqual(hipotesesSeed('aumento-capacidade').map((a) => semPontuacaoFinal(a.texto)));
    expect(info.hipoteses).toHaveLength(4);
  });
});

describe('checklists correspondem ao seed 003', () => {
  const CONTAGENS = {
    'aumento-capacidade': { documentos: 5, verificacaoDocumental: 7, visita: 5 },
    'entrada-suplementar': { documentos: 5, verificacaoDocumental: 4, visita: 5 },
    'apostilamento-endereco': { documentos: 6, verificacaoDocumental: 7, visita: 6 },
  } as const;

  for (const tipo of TIPOS_VISTORIA) {
    for (const etapa of ['documentos', 'verificacaoDocumental', 'visita'] as const) {
      it(`${tipo} / ${etapa}: mesmas alíneas, mesma ordem e texto literal`, () => {
        const nossos = CHECKLISTS_VISTORIA[tipo][etapa];
        const seed = DO_SEED[etapa](tipo);
        expect(nossos).toHaveLength(CONTAGENS[tipo][etapa]);
        expect(seed).toHaveLength(CONTAGENS[tipo][etapa]);
        expect(nossos.map((i) => i.alinea)).toEqual(seed.map((a) => a.alinea));
        expect(nossos.map((i) => i.descricao)).toEqual(seed.map((a) => semPontuacaoFinal(a.texto)));
      });
    }

    it(`${tipo}: códigos únicos em slug; obrigatorio ⇔ sem condição; condição citada do texto do item`, () => {
      const itens = todosItens(tipo);
      const codigos = itens.map((i) => i.codigo);
      expect(new Set(codigos).size).toBe(codigos.length);
      for (const item of itens) {
        expect(item.codigo).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(item.obrigatorio).toBe(item.condicao === undefined);
        if (item.condicao) {
          expect(item.descricao).toContain(item.condicao.texto);
          expect(CONDICOES[item.condicao.codigo]).toBeTruthy();
        }
        if (item.baseLegal) expect(item.baseLegal).toMatch(/^Deliberação CEE nº 388\/2020, (art\. \d+º?|Anexo [IVX]+)/);
      }
    });

    it(`${tipo}: naturezas seguem a etapa`, () => {
      const c = CHECKLISTS_VISTORIA[tipo];
      expect(c.documentos.every((i) => i.natureza === 'documento')).toBe(true);
      expect(c.verificacaoDocumental.every((i) => i.natureza === 'verificacao-documental')).toBe(true);
      expect(c.visita.every((i) => i.natureza === 'verificacao-fisica' || i.natureza === 'procedimento')).toBe(true);
      // c) esclarecimentos, d) exigências adicionais, e) formulário em duas vias are rules of conduct.
      expect(c.visita.filter((i) => i.natureza === 'procedimento').map((i) => i.codigo)).toEqual([
        'visita-esclarecimentos',
        'visita-exigencias-adicionais',
        'visita-termo-duas-vias',
      ]);
    });

    it(`${tipo}: todo dispositivo citado no tipo aparece no seed da seção`, () => {
      const secao = secaoSeed(tipo).join('\n');
      for (const d of TIPOS_VISTORIA_INFO[tipo].dispositivosCitados) {
        const m = /art\. (\d+)/.exec(d);
        if (m) expect(secao).toMatch(new RegExp(`(artigo|art\\.) ${m[1]}`));
      }
    });
  }
});

describe('itens específicos apontados no seed', () => {
  it('Aumento de Capacidade: documentos do inciso II do art. 30 e declaração do inciso IX do art. 22', () => {
    expect(itemPorCodigo('aumento-capacidade', 'documentos-art-30-ii')?.baseLegal).toBe('Deliberação CEE nº 388/2020, art. 30, II');
    const decl = itemPorCodigo('aumento-capacidade', 'declaracao-capacidade-maxima');
    expect(decl?.obrigatorio).toBe(true);
    expect(decl?.baseLegal).toBe('Deliberação CEE nº 388/2020, art. 22, IX');
  });

  it('Aumento de Capacidade: laudo só quando há alteração de infraestrutura', () => {
    const laudo = itemPorCodigo('aumento-capacidade', 'laudo-seguranca-acessibilidade');
    expect(laudo?.obrigatorio).toBe(false);
    expect(laudo?.condicao?.codigo).toBe('alteracao-infraestrutura');
  });

  it('Aumento de Capacidade: piscina (art. 22, VIII) e Habite-se são condicionais na verificação documental', () => {
    expect(itemPorCodigo('aumento-capacidade', 'merito-piscina')?.condicao?.codigo).toBe('piscina');
    expect(itemPorCodigo('aumento-capacidade', 'merito-piscina')?.baseLegal).toBe('Deliberação CEE nº 388/2020, art. 22, VIII');
    expect(itemPorCodigo('aumento-capacidade', 'merito-habite-se')?.condicao?.codigo).toBe('nova-edificacao');
  });

  it('Apostilamento: declaração de capacidade só quando o endereço apostilado aumenta a capacidade', () => {
    const decl = itemPorCodigo('apostilamento-endereco', 'declaracao-capacidade-maxima');
    expect(decl?.alinea).toBe('f');
    expect(decl?.condicao?.codigo).toBe('aumento-capacidade');
  });

  it('Apostilamento: a diretriz da visita tem duas alíneas "c" no seed, ambas mantidas', () => {
    const visita = CHECKLISTS_VISTORIA['apostilamento-endereco'].visita;
    expect(visita.map((i) => i.alinea)).toEqual(['a', 'b', 'c', 'c', 'd', 'e']);
    expect(visita[2].codigo).toBe('visita-piscina');
    expect(visita[2].baseLegal).toBe('Deliberação CEE nº 388/2020, Anexo VIII');
  });

  it('Entrada Suplementar: alvará de localização (art. 30, III) e laudo da nova entrada (art. 22, VII)', () => {
    expect(itemPorCodigo('entrada-suplementar', 'alvara-localizacao')?.baseLegal).toBe('Deliberação CEE nº 388/2020, art. 30, III');
    const laudo = itemPorCodigo('entrada-suplementar', 'laudo-seguranca-acessibilidade');
    expect(laudo?.obrigatorio).toBe(true);
    expect(laudo?.descricao).toContain('referente à nova entrada');
    expect(laudo?.baseLegal).toBe('Deliberação CEE nº 388/2020, art. 22, VII');
  });

  it('nenhum tipo tem itens além dos do seed (total de itens)', () => {
    expect(todosItens('aumento-capacidade')).toHaveLength(17);
    expect(todosItens('entrada-suplementar')).toHaveLength(14);
    expect(todosItens('apostilamento-endereco')).toHaveLength(19);
  });
});
