import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BlobStore } from './blob-store';
import { StagingSweep } from './staging-sweep';
import { UploadInterceptor } from './upload.interceptor';

/** The blob store, the upload interceptor and the staging sweep, for every case type that takes files. */
@Global()
@Module({
  providers: [{ provide: BlobStore, inject: [DataSource], useFactory: (db: DataSource) => new BlobStore(db) }, UploadInterceptor, StagingSweep],
  exports: [BlobStore, UploadInterceptor],
})
export class AttachmentsModule {}
