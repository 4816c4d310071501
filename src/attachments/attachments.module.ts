import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BlobStore } from './blob-store';
import { UploadInterceptor } from './upload.interceptor';

/** The blob store and the upload interceptor, for every case type that takes files. */
@Global()
@Module({
  providers: [{ provide: BlobStore, inject: [DataSource], useFactory: (db: DataSource) => new BlobStore(db) }, UploadInterceptor],
  exports: [BlobStore, UploadInterceptor],
})
export class AttachmentsModule {}
