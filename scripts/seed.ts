// `npm run db:seed`: applies migrations and loads the sample issue into the configured database.
import { prepare } from '../server/prepare';

prepare(process.env)
  .then((result) => {
    console.log(result.sampleLoaded ? '已载入示例期 第1705期' : '示例期已存在，未作改动');
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
