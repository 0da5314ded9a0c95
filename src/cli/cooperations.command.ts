import { Command } from "commander";

export function cooperationsCommand(): Command {
  return new Command("cooperations").description("city-to-city cooperations");
}
