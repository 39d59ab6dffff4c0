import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../config/environment';

/**
 * The addresses the service hands out (e-mail links, calendar feeds): under PUBLIC_URL, or
 * http://localhost:PORT when it is unset.
 */
@Injectable()
export class PublicLinks {
  private base: string;
  private readonly configured: boolean;

  constructor(config: ConfigService<Environment, true>) {
    const configured = config.get('PUBLIC_URL', { infer: true });
    this.configured = configured !== undefined;
    const base = configured ?? `http://localhost:${config.get('PORT', { infer: true })}`;
    this.base = base.replace(/\/+$/, '');
  }

  /**
   * Without PUBLIC_URL, links name the port the server is bound to (with PORT=0, the one
   * the system chose), as the start-up line does.
   */
  boundTo(port: number): void {
    if (!this.configured) this.base = `http://localhost:${port}`;
  }

  /** `path` ("/invitation") under the public address, with `query` encoded. */
  url(path: string, query: Record<string, string> = {}): string {
    const search = new URLSearchParams(query).toString();
    return `${this.base}${path.startsWith('/') ? path : `/${path}`}${search ? `?${search}` : ''}`;
  }
}
