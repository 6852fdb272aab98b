/**
 * A real SMTP listener in the test process (smtp-server): the API sends through
 * nodemailer over TCP, and tests read what arrived.
 */
import { SMTPServer } from 'smtp-server';

export interface MensagemRecebida {
  de: string;
  para: string[];
  assunto: string;
  texto: string;
  bruto: string;
}

function decodificarCorpo(cabecalhos: string, corpo: string): string {
  const cte = /content-transfer-encoding:\s*([\w-]+)/i.exec(cabecalhos)?.[1]?.toLowerCase();
  if (cte === 'base64') return Buffer.from(corpo.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    const bytes = corpo.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return corpo;
}

function decodificarAssunto(valor: string): string {
  // Whitespace between two adjacent encoded-words is not part of the text (RFC 2047 § 6.2): drop it before decoding.
  return valor.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, txt: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(txt, 'base64').toString('utf8')
      : Buffer.from(txt.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_n, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

export async function startSmtp(): Promise<{
  port: number;
  mensagens: MensagemRecebida[];
  aguardar(para: string, opts?: { depoisDe?: number; timeoutMs?: number }): Promise<MensagemRecebida>;
  stop(): Promise<void>;
}> {
  const mensagens: MensagemRecebida[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const partes: Buffer[] = [];
      stream.on('data', (c: Buffer) => partes.push(c));
      stream.on('end', () => {
        const bruto = Buffer.concat(partes).toString('utf8');
        const [cabecalhos, ...resto] = bruto.split(/\r?\n\r?\n/);
        const desdobrado = cabecalhos.replace(/\r?\n[ \t]+/g, ' ');
        mensagens.push({
          de: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          para: session.envelope.rcptTo.map((r) => r.address),
          assunto: decodificarAssunto(/^subject:\s*(.*)$/im.exec(desdobrado)?.[1] ?? ''),
          texto: decodificarCorpo(desdobrado, resto.join('\n\n')),
          bruto,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    mensagens,
    async aguardar(para, opts = {}) {
      const ate = Date.now() + (opts.timeoutMs ?? 10_000);
      for (;;) {
        const m = mensagens.slice(opts.depoisDe ?? 0).find((x) => x.para.includes(para));
        if (m) return m;
        if (Date.now() > ate) throw new Error(`nenhum e-mail para ${para} chegou a tempo`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
