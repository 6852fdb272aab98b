/**
 * A person's prazos and tasks as an iCalendar document (RFC 5545), written by
 * ical-generator (line folding, escaping, CRLF). Each prazo and task is one
 * VEVENT whose UID is the prazo's or task's own id, so a calendar that reads the
 * feed again moves the same event when a prazo is re-timed (prorrogação, decreed
 * day) instead of adding another; SEQUENCE is the prazo's version, which grows
 * at each re-timing. The event is the limit itself (23:59:59 of the last day,
 * Brasília), written in UTC. Only what locates the process: the institution,
 * the process's number, the kind; no person's name or CPF.
 */
import ical, { ICalEventTransparency } from 'ical-generator';
import { rotuloTipoProcesso } from '../../rules/processos/tipos';
import { rotuloAtor } from '../../rules/ritos/definicao';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { instante } from '../instantes';

export interface PrazoDaAgenda {
  id: string;
  rotulo: string;
  limite: Date | string;
  versao: number;
  processoId: string;
  numero_sei: string | null;
  instituicao_nome: string;
  tipo: string;
}

export interface TarefaDaAgenda {
  id: string;
  descricao: string;
  responsavel: string;
  limite: Date | string;
  processoId: string;
  numero_sei: string | null;
  instituicao_nome: string;
  tipo: string;
}

/** "08/09/2026 23:59:59", as Brasília reads the instant. */
function instanteBrasilia(d: Date): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(instante(d))!;
  return `${m[3]}/${m[2]}/${m[1]} ${m[4]}`;
}

export function agendaIcal(o: { urlPublica: string; prazos: PrazoDaAgenda[]; tarefas: TarefaDaAgenda[]; geradoEm: Date }): string {
  const base = o.urlPublica.replace(/\/$/, '');
  const dominio = new URL(base).hostname;
  const cal = ical({
    name: 'rito — prazos e tarefas',
    description: 'Prazos em curso e decisões pendentes dos processos que lhe cabem no rito.',
    prodId: { company: 'rito', product: 'agenda', language: 'PT-BR' },
    // Calendar programs that honour it re-read the feed every hour.
    ttl: 60 * 60,
  });
  const processo = (r: { processoId: string; numero_sei: string | null; instituicao_nome: string; tipo: string }) =>
    `${rotuloTipoProcesso(r.tipo)}, ${r.instituicao_nome}, processo ${r.numero_sei ?? r.processoId}`;
  const url = (id: string) => `${base}/processos/${encodeURIComponent(id)}`;
  for (const p of o.prazos) {
    const limite = new Date(p.limite);
    cal.createEvent({
      id: `prazo-${p.id}@${dominio}`,
      sequence: p.versao,
      stamp: o.geradoEm,
      start: limite,
      end: limite,
      summary: `Prazo: ${p.rotulo} — ${p.instituicao_nome}`,
      description: `${processo(p)}.\nVence em ${instanteBrasilia(limite)} (horário de Brasília).`,
      url: url(p.processoId),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  for (const t of o.tarefas) {
    const limite = new Date(t.limite);
    const def = ritoDoTipo(t.tipo);
    cal.createEvent({
      id: `tarefa-${t.id}@${dominio}`,
      stamp: o.geradoEm,
      start: limite,
      end: limite,
      summary: `Decisão pendente: ${t.descricao} — ${t.instituicao_nome}`,
      description: `${processo(t)}.\nCabe a: ${def ? rotuloAtor(def, t.responsavel) : t.responsavel}.\nAté ${instanteBrasilia(limite)} (horário de Brasília).`,
      url: url(t.processoId),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return cal.toString();
}
