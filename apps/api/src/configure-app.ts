import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorFilter } from './common/error.filter';
import { validationPipe } from './common/validation';

/** Everything main.ts and the end-to-end tests share: prefix, validation, errors, OpenAPI. */
export function configureApp(app: INestApplication): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Đôn Đốc API')
    .setDescription(
      'Theo dõi, đôn đốc thực hiện kết luận của Ban Chỉ đạo: nhiệm vụ, lịch sử, báo cáo.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
}
