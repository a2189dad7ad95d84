import fs from 'node:fs/promises';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Env } from '../../platform/env';

/**
 * Where attachment bytes are kept: a folder under DATA_DIR by default, an S3-compatible bucket
 * when S3_BUCKET is set. Keys are `<ticketId>/<random>.<ext>`, chosen by the platform.
 */
export interface FileStore {
  readonly kind: 'local' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const safeKey = (key: string) => {
  if (!/^[\w-]+(\/[\w.-]+)*$/.test(key) || key.includes('..')) throw new Error(`bad storage key ${key}`);
  return key;
};

/** Files under `root` (DATA_DIR/attachments), written once, readable by the server's user only. */
export class LocalFileStore implements FileStore {
  readonly kind = 'local';
  constructor(readonly root: string) {}

  private file(key: string) {
    return path.join(this.root, ...safeKey(key).split('/'));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { mode: 0o600 });
  }

  get(key: string): Promise<Buffer> {
    return fs.readFile(this.file(key));
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }
}

/** An S3-compatible bucket (MinIO, OSS, COS, S3) through @aws-sdk/client-s3, loaded on first use. */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly prefix: string;
  private connection: Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> | null = null;
  constructor(
    private readonly env: Env,
    private readonly bucket: string,
  ) {
    this.prefix = env.S3_PREFIX;
  }

  private connect() {
    const env = this.env;
    this.connection ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: env.S3_REGION,
        ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
        ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
          : {}),
      }),
    }));
    return this.connection;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: this.prefix + safeKey(key),
        Body: bytes,
        ContentType: contentType,
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    const { sdk, client } = await this.connect();
    const r = await client.send(
      new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + safeKey(key) }),
    );
    if (!r.Body) throw new Error(`empty object ${key}`);
    return Buffer.from(await r.Body.transformToByteArray());
  }

  async remove(key: string): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + safeKey(key) }));
  }
}

const stores = new WeakMap<Env, FileStore>();

/** The file store the configuration names (one per configuration). */
export function fileStoreFor(env: Env): FileStore {
  let store = stores.get(env);
  if (!store) {
    store = env.S3_BUCKET
      ? new S3FileStore(env, env.S3_BUCKET)
      : new LocalFileStore(path.resolve(env.DATA_DIR, 'attachments'));
    stores.set(env, store);
  }
  return store;
}
