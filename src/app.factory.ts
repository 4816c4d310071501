import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { AppConfig } from './platform/config/config';
import { installBodyParsing } from './platform/http/body-parsing';
import { requestContext } from './platform/http/request-context';
import { createValidationPipe } from './platform/http/validation';
import { PinoNestLogger } from './platform/logging/logger';
import { InputShapePipe } from './platform/validation/input-shape';
import { Metrics } from './platform/metrics/metrics';

/** Builds the HTTP application; `main.ts` and the test-app factory both use it. */
export async function createApp(config: AppConfig, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  express.use(requestContext(logger, app.get(Metrics)));
  installBodyParsing(express, config.bodyLimitBytes);
  // The shape checks run first, so no validator recurses into or copies a hostile value.
  app.useGlobalPipes(new InputShapePipe(), createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('VITAS case management')
      .setDescription('Event-sourced case management for the job centres’ company-directed schemes. Errors are RFC 9457 problem+json.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
