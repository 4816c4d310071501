import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../platform/config/config';
import { ProblemError } from '../platform/http/problems';
import { CODE_LIST_NAMES, CodeList, CodeListName, CodeListSummary, buildCodeList, codeListIndex, isCodeListName } from './code-lists';

/** An answer with its ETag: the SHA-256 of the JSON body, so it changes exactly when the body does. */
export interface CachedAnswer<T> {
  body: T;
  etag: string;
}

function cached<T>(body: T): CachedAnswer<T> {
  return { body, etag: `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url')}"` };
}

/**
 * The code lists, built once at start-up: the registries are code and the feature flags are
 * configuration, so neither changes while the process runs.
 */
@Injectable()
export class CodeLists {
  readonly index: CachedAnswer<CodeListSummary[]> = cached(codeListIndex());
  private readonly lists: ReadonlyMap<CodeListName, CachedAnswer<CodeList>>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.lists = new Map(CODE_LIST_NAMES.map((name) => [name, cached<CodeList>(buildCodeList(name, config.features))]));
  }

  /** An unknown name is a 404 naming `name`; the message lists the names that exist. */
  get(name: string): CachedAnswer<CodeList> {
    const list = isCodeListName(name) ? this.lists.get(name) : undefined;
    if (!list) throw new ProblemError('not-found', `No code list is named '${name}'; the code lists are ${CODE_LIST_NAMES.join(', ')}`, 'code-list', 'name');
    return list;
  }
}
