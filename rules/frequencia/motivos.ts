/**
 * The motivos de baixa frequência (Portaria Interministerial MEC/MC nº 3/2022,
 * art. 3º § 2º and art. 8º VI): an official coded list that MEC changes over
 * time. rito keeps it as VERSIONED reference data (table motivo_frequencia_versao):
 * the version below is only the first row the database is seeded with; an
 * administrador imports each new list (POST /v1/frequencia/motivos), which becomes
 * the version in force from its date, the older ones kept. No logic names a code.
 *
 * The seeds (004) do not carry the list. The version shipped is the one whose full
 * text was found in public sources: the "Nova tabela de motivos da baixa frequência
 * — versão 2010", incorporated by the Instrução Operacional nº 36 SENARC/MDS, de
 * 21/07/2010. MEC's later lists (Guia Rápido 5 — Motivos de Baixa Frequência,
 * v3.0, MEC/SEB/DARE/CGAR, 2022; codes "1a", "1b"…) replace it by import: a
 * servidor should import the list in force before the first period is registered.
 */
import { z } from 'zod';
import { texto } from '../campos';

export interface Motivo {
  codigo: string;
  descricao: string;
}

export interface VersaoMotivos {
  vigenteDesde: string;
  fonte: string;
  motivos: readonly Motivo[];
}

export const MOTIVOS_VERSAO_INICIAL: VersaoMotivos = {
  vigenteDesde: '2010-07-21',
  fonte:
    'Tabela de motivos da baixa frequência — versão 2010 (MEC), incorporada pela Instrução Operacional nº 36 SENARC/MDS, de 21/07/2010; ' +
    'texto consultado em cópia pública (slideshare "Tabela de motivos de baixa frequência — Projeto Presença") em 29/11/2026. ' +
    'Versão inicial do rito: importe a lista vigente do MEC (Guia Rápido 5 — Motivos de Baixa Frequência).',
  motivos: [
    { codigo: '1', descricao: 'Ausência por questão de saúde do aluno' },
    { codigo: '2', descricao: 'Doença/óbito na família' },
    { codigo: '3', descricao: 'Inexistência de oferta de serviços educacionais' },
    { codigo: '4', descricao: 'Fatos que impedem o deslocamento à escola' },
    { codigo: '5', descricao: 'Inexistência de serviço/atendimento educacional à pessoa com deficiência/necessidades especiais' },
    { codigo: '6', descricao: 'Concluiu o Ensino Médio' },
    { codigo: '7', descricao: 'Suspensão Escolar' },
    { codigo: '8', descricao: 'EJA Semipresencial' },
    { codigo: '51', descricao: 'Gravidez' },
    { codigo: '52', descricao: 'Mendicância/Trajetória de rua' },
    { codigo: '53', descricao: 'Negligência dos pais ou responsáveis' },
    { codigo: '54', descricao: 'Trabalho Infantil' },
    { codigo: '58', descricao: 'Escola não informou o motivo' },
    { codigo: '59', descricao: 'Motivo inexistente na tabela' },
    { codigo: '60', descricao: 'Violência/Discriminação/Agressividade no ambiente escolar' },
    { codigo: '62', descricao: 'Trabalho do Jovem' },
    { codigo: '63', descricao: 'Exploração/Abuso Sexual/Violência Doméstica' },
    { codigo: '64', descricao: 'Desinteresse/desmotivação pelos estudos' },
    { codigo: '65', descricao: 'Abandono Escolar/Desistência' },
    { codigo: '66', descricao: 'Necessidade de cuidar de familiares' },
  ],
};

/** An administrador's import of a new list: every code once, each with its description; the act it comes from. */
export const importacaoMotivosSchema = z
  .strictObject({
    vigenteDesde: z.iso.date({ error: 'data inválida: use AAAA-MM-DD' }),
    fonte: texto(1000).describe('Ato ou documento que publica a lista (ex.: Guia Rápido 5 — Motivos de Baixa Frequência, v3.0, MEC/SEB, 2022)'),
    motivos: z
      .array(z.strictObject({ codigo: z.string().trim().regex(/^[0-9A-Za-z.\-]{1,10}$/, 'código: até 10 letras ou algarismos'), descricao: texto(300) }))
      .min(1, 'a lista precisa de ao menos um motivo')
      .max(500),
  })
  .superRefine((d, ctx) => {
    const vistos = new Set<string>();
    d.motivos.forEach((m, i) => {
      const c = m.codigo.toLowerCase();
      if (vistos.has(c)) ctx.addIssue({ code: 'custom', path: ['motivos', i, 'codigo'], message: `código ${m.codigo} repetido na lista` });
      vistos.add(c);
    });
  });
