import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the IDE's files are served: the bundle under its version, so browsers may keep it. */
export const IDE_BASE = '/graphiql';

const packageJson = require.resolve('@graphql-yoga/graphiql/package.json');
const DIST = join(dirname(packageJson), 'dist');
/** The installed version of `@graphql-yoga/graphiql`, in the URLs of its files. */
const GRAPHIQL_VERSION = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string })
  .version;
const VERSIONED = `${IDE_BASE}/${GRAPHIQL_VERSION}`;

const JS = 'application/javascript; charset=utf-8';

/** The files of `@graphql-yoga/graphiql` the page needs, by URL: nothing else is served. */
const FILES: Record<string, { file: string; type: string }> = {
  [`${VERSIONED}/yoga-graphiql.umd.js`]: { file: 'yoga-graphiql.umd.js', type: JS },
  [`${VERSIONED}/graphiql.css`]: { file: 'graphiql.css', type: 'text/css; charset=utf-8' },
  [`${VERSIONED}/editor.worker.js`]: { file: 'monacoeditorwork/editor.worker.bundle.js', type: JS },
  [`${VERSIONED}/json.worker.js`]: { file: 'monacoeditorwork/json.worker.bundle.js', type: JS },
  [`${VERSIONED}/graphql.worker.js`]: {
    file: 'monacoeditorwork/graphql.worker..bundle.js',
    type: JS,
  },
};

export const ASSET_URLS = {
  script: `${VERSIONED}/yoga-graphiql.umd.js`,
  styles: `${VERSIONED}/graphiql.css`,
  /** The editor's web workers, by the label Monaco asks for. */
  workers: {
    editorWorkerService: `${VERSIONED}/editor.worker.js`,
    json: `${VERSIONED}/json.worker.js`,
    graphql: `${VERSIONED}/graphql.worker.js`,
  },
};

export interface Asset {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/**
 * Serves the IDE's files from `node_modules`, each read once on first use. The gateway compresses
 * responses for clients that accept it (COMPRESSION), these included.
 */
export function createAssetStore() {
  const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const load = (file: string) => {
    let loaded = cache.get(file);
    if (!loaded) {
      loaded = readFile(join(DIST, file)).then((raw) => new Uint8Array(raw));
      loaded.catch(() => cache.delete(file));
      cache.set(file, loaded);
    }
    return loaded;
  };

  /** The file at this URL path, or undefined if the path is not one of the IDE's files. */
  return async function asset(path: string): Promise<Asset | undefined> {
    const entry = FILES[path];
    if (!entry) return undefined;
    return {
      body: await load(entry.file),
      headers: {
        'content-type': entry.type,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
    };
  };
}
