(* pak_inspect.ml - dump the table of contents of a Wick .pak file *)

let magic = 0x4C465041l (* "LFPA" *)

type entry = {
  name : string;
  offset : int64;
  size : int64;
  compressed : bool;
  encrypted : bool;
  sha256 : string;
}

let read_u32 ic =
  let b = Bytes.create 4 in
  really_input ic b 0 4;
  Bytes.get_int32_le b 0

let read_u64 ic =
  let b = Bytes.create 8 in
  really_input ic b 0 8;
  Bytes.get_int64_le b 0

let read_string ic =
  let len = Int32.to_int (read_u32 ic) in
  really_input_string ic len

let hex s = String.concat "" (List.init (String.length s) (fun i -> Printf.sprintf "%02x" (Char.code s.[i])))

let read_entry ic =
  let name = read_string ic in
  let offset = read_u64 ic in
  let size = read_u64 ic in
  let flags = Int32.to_int (read_u32 ic) in
  let sha256 = really_input_string ic 32 in
  { name; offset; size; compressed = flags land 1 <> 0; encrypted = flags land 2 <> 0; sha256 }

let () =
  let path = Sys.argv.(1) in
  let ic = open_in_bin path in
  if read_u32 ic <> magic then (prerr_endline "not a Wick pak"; exit 2);
  let count = Int32.to_int (read_u32 ic) in
  for _ = 1 to count do
    let e = read_entry ic in
    Printf.printf "%-60s %12Ld %12Ld %s%s %s\n" e.name e.offset e.size
      (if e.compressed then "C" else "-") (if e.encrypted then "E" else "-") (hex e.sha256)
  done;
  close_in ic
