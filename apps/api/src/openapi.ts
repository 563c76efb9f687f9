import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The API's OpenAPI document: what /api/docs serves and what the web app's client is generated
 * from (scripts/openapi.ts). Needs an app with the global prefix set; no servers.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Đôn Đốc API')
    .setDescription(
      'Theo dõi, đôn đốc thực hiện kết luận của Ban Chỉ đạo: nhiệm vụ, lịch sử, báo cáo.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}
