/**
 * Outgoing e-mail (password reset, first-access invitation) through SMTP with
 * nodemailer. Without SMTP_HOST (a bare `rito dev`), messages are written to the
 * log instead, so that a local system stays usable; `rito api` warns about it.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config/settings';

export interface Mensagem {
  para: string;
  assunto: string;
  texto: string;
}

export interface Correio {
  enviar(m: Mensagem): Promise<void>;
  /** True when messages really leave through SMTP. */
  readonly real: boolean;
}

export interface OpcoesSmtp {
  host: string;
  port: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Accept self-signed certificates (tests, internal relays). */
  ignorarCertificado?: boolean;
}

export function correioSmtp(o: OpcoesSmtp): Correio {
  const transporte = nodemailer.createTransport({
    host: o.host,
    port: o.port,
    secure: o.secure ?? false,
    auth: o.user ? { user: o.user, pass: o.password ?? '' } : undefined,
    tls: o.ignorarCertificado ? { rejectUnauthorized: false } : undefined,
  });
  return {
    real: true,
    async enviar(m) {
      await transporte.sendMail({ from: o.from, to: m.para, subject: m.assunto, text: m.texto });
    },
  };
}

/** Writes messages to a log line instead of sending them (development without SMTP). */
export function correioNoLog(log: (msg: string) => void): Correio {
  return {
    real: false,
    async enviar(m) {
      log(`e-mail NÃO enviado (SMTP_HOST não configurado) para ${m.para}: ${m.assunto}\n${m.texto}`);
    },
  };
}

export function correioDaConfiguracao(config: Config, log: (msg: string) => void): Correio {
  if (!config.SMTP_HOST) return correioNoLog(log);
  return correioSmtp({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    from: config.SMTP_FROM,
  });
}
