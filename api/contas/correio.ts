/**
 * Outgoing e-mail (password reset, first-access invitation) through SMTP with
 * nodemailer. Without SMTP_HOST (a bare `rito dev`), messages go to a
 * development mailbox: one .eml file each under RITO_DATA_DIR/correio, which a
 * mail client opens. The log only says where, never the message: a reset link
 * in a log is a credential anyone reading logs could use.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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
  /** The development mailbox's folder, when messages are kept there instead (the pages list it under `rito dev`). */
  readonly pasta?: string;
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

/** Keeps messages as .eml files in `pasta` instead of sending them (development without SMTP); the log names the file only. */
export function correioNaPasta(pasta: string, log: (msg: string) => void): Correio {
  const transporte = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    real: false,
    pasta,
    async enviar(m) {
      const info = await transporte.sendMail({ from: 'rito <nao-responda@localhost>', to: m.para, subject: m.assunto, text: m.texto });
      fs.mkdirSync(pasta, { recursive: true, mode: 0o700 });
      const arquivo = path.join(pasta, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      fs.writeFileSync(arquivo, info.message as Buffer, { mode: 0o600 });
      log(`e-mail NÃO enviado (SMTP_HOST não configurado): "${m.assunto}" para ${m.para} guardado em ${arquivo}`);
    },
  };
}

export function correioDaConfiguracao(config: Config, log: (msg: string) => void): Correio {
  if (!config.SMTP_HOST) return correioNaPasta(path.join(config.RITO_DATA_DIR, 'correio'), log);
  return correioSmtp({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    from: config.SMTP_FROM,
  });
}
