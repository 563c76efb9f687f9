import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';

/** A reminder policy as items and notice confirmations take it (validated by the domain later). */
export class PolicyDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['P7D', 'P3D', 'P1D', 'P0D'],
    description: 'ISO-8601 durations before the due instant',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  remindBefore?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['P1D', 'P3D'],
    description: 'ISO-8601 durations after the due instant',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  escalateAfter?: string[];
}
