/** Types generated for queries found in "queries/media.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'FindRecording' parameters type */
export interface IFindRecordingParams {
  recordingId: string;
  roundPk: string;
}

/** 'FindRecording' return type */
export interface IFindRecordingResult {
  /** Artifact store key of the audio file. */
  artifact_path: string | null;
  /** Size of the stored audio in bytes. */
  byte_size: number | null;
  /** Content-Type the device sent (audio/mp4, audio/wav, ...). */
  content_type: string | null;
  /** Internal key. */
  id: string;
  /** Id the device chose; re-uploading the same id replaces the recording. */
  recording_id: string;
  /** TRAQ form section the voice note describes (site_factors, trunk, ...). */
  section_id: string;
  /** SHA-256 (hex) of the stored audio, computed while streaming. */
  sha256: string | null;
}

/** 'FindRecording' query type */
export interface IFindRecordingQuery {
  params: IFindRecordingParams;
  result: IFindRecordingResult;
}

const findRecordingIR: any = {"usedParamSet":{"roundPk":true,"recordingId":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":126,"b":134}]},{"name":"recordingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":155,"b":167}]}],"statement":"SELECT id, section_id, recording_id, content_type, byte_size, sha256, artifact_path\n  FROM round_recordings\n WHERE round_pk = :roundPk! AND recording_id = :recordingId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, section_id, recording_id, content_type, byte_size, sha256, artifact_path
 *   FROM round_recordings
 *  WHERE round_pk = :roundPk! AND recording_id = :recordingId!
 * ```
 */
export const findRecording = new PreparedQuery<IFindRecordingParams,IFindRecordingResult>(findRecordingIR);


/** 'UpsertRecording' parameters type */
export interface IUpsertRecordingParams {
  artifactPath: string;
  byteSize: number;
  contentType: string;
  durationMs?: number | null | void;
  metadata: Json;
  recordingId: string;
  roundPk: string;
  sectionId: string;
  sha256: string;
}

/** 'UpsertRecording' return type */
export interface IUpsertRecordingResult {
  /** Internal key. */
  id: string;
}

/** 'UpsertRecording' query type */
export interface IUpsertRecordingQuery {
  params: IUpsertRecordingParams;
  result: IUpsertRecordingResult;
}

const upsertRecordingIR: any = {"usedParamSet":{"roundPk":true,"sectionId":true,"recordingId":true,"contentType":true,"byteSize":true,"sha256":true,"durationMs":true,"artifactPath":true,"metadata":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":278,"b":286}]},{"name":"sectionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":289,"b":299}]},{"name":"recordingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":302,"b":314}]},{"name":"contentType","required":true,"transform":{"type":"scalar"},"locs":[{"a":329,"b":341}]},{"name":"byteSize","required":true,"transform":{"type":"scalar"},"locs":[{"a":344,"b":353}]},{"name":"sha256","required":true,"transform":{"type":"scalar"},"locs":[{"a":356,"b":363}]},{"name":"durationMs","required":false,"transform":{"type":"scalar"},"locs":[{"a":366,"b":376}]},{"name":"artifactPath","required":true,"transform":{"type":"scalar"},"locs":[{"a":382,"b":395}]},{"name":"metadata","required":true,"transform":{"type":"scalar"},"locs":[{"a":398,"b":407}]}],"statement":"-- New bytes for a recording id: the cached transcript belongs to the old bytes, so it goes.\nINSERT INTO round_recordings\n  (round_pk, section_id, recording_id, upload_status, content_type, byte_size, sha256, duration_ms,\n   artifact_path, metadata_json, uploaded_at)\nVALUES\n  (:roundPk!, :sectionId!, :recordingId!, 'uploaded', :contentType!, :byteSize!, :sha256!, :durationMs,\n   :artifactPath!, :metadata!, now())\nON CONFLICT (round_pk, recording_id) DO UPDATE\n   SET upload_status = 'uploaded', content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size,\n       sha256 = EXCLUDED.sha256, duration_ms = EXCLUDED.duration_ms, artifact_path = EXCLUDED.artifact_path,\n       metadata_json = EXCLUDED.metadata_json, uploaded_at = now(),\n       transcript_text = NULL, transcription_error = NULL, transcribed_at = NULL\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- New bytes for a recording id: the cached transcript belongs to the old bytes, so it goes.
 * INSERT INTO round_recordings
 *   (round_pk, section_id, recording_id, upload_status, content_type, byte_size, sha256, duration_ms,
 *    artifact_path, metadata_json, uploaded_at)
 * VALUES
 *   (:roundPk!, :sectionId!, :recordingId!, 'uploaded', :contentType!, :byteSize!, :sha256!, :durationMs,
 *    :artifactPath!, :metadata!, now())
 * ON CONFLICT (round_pk, recording_id) DO UPDATE
 *    SET upload_status = 'uploaded', content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size,
 *        sha256 = EXCLUDED.sha256, duration_ms = EXCLUDED.duration_ms, artifact_path = EXCLUDED.artifact_path,
 *        metadata_json = EXCLUDED.metadata_json, uploaded_at = now(),
 *        transcript_text = NULL, transcription_error = NULL, transcribed_at = NULL
 * RETURNING id
 * ```
 */
export const upsertRecording = new PreparedQuery<IUpsertRecordingParams,IUpsertRecordingResult>(upsertRecordingIR);


/** 'FindImage' parameters type */
export interface IFindImageParams {
  imageId: string;
  roundPk: string;
}

/** 'FindImage' return type */
export interface IFindImageResult {
  /** Artifact store key of the original photo. */
  artifact_path: string | null;
  /** Size of the stored original in bytes. */
  byte_size: number | null;
  /** Caption shown under the photo in the report letter. */
  caption: string | null;
  /** Content-Type the device sent (image/jpeg, image/png). */
  content_type: string | null;
  /** Internal key. */
  id: string;
  /** Id the device chose; re-uploading the same id replaces the bytes and keeps caption and GPS. */
  image_id: string;
  /** WGS84 latitude in degrees where the photo was taken. */
  latitude: number | null;
  /** WGS84 longitude in degrees where the photo was taken. */
  longitude: number | null;
  /** Artifact store key of the report variant (EXIF-rotated JPEG within 1600x1600). */
  report_artifact_path: string | null;
  /** SHA-256 (hex) of the stored original, computed while streaming. */
  sha256: string | null;
}

/** 'FindImage' query type */
export interface IFindImageQuery {
  params: IFindImageParams;
  result: IFindImageResult;
}

const findImageIR: any = {"usedParamSet":{"roundPk":true,"imageId":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":165,"b":173}]},{"name":"imageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":190,"b":198}]}],"statement":"SELECT id, image_id, content_type, byte_size, sha256, artifact_path, report_artifact_path,\n       caption, latitude, longitude\n  FROM round_images\n WHERE round_pk = :roundPk! AND image_id = :imageId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, image_id, content_type, byte_size, sha256, artifact_path, report_artifact_path,
 *        caption, latitude, longitude
 *   FROM round_images
 *  WHERE round_pk = :roundPk! AND image_id = :imageId!
 * ```
 */
export const findImage = new PreparedQuery<IFindImageParams,IFindImageResult>(findImageIR);


/** 'CountJobImages' parameters type */
export interface ICountJobImagesParams {
  imageId: string;
  jobPk: string;
}

/** 'CountJobImages' return type */
export interface ICountJobImagesResult {
  already_known: boolean | null;
  count: number;
}

/** 'CountJobImages' query type */
export interface ICountJobImagesQuery {
  params: ICountJobImagesParams;
  result: ICountJobImagesResult;
}

const countJobImagesIR: any = {"usedParamSet":{"imageId":true,"jobPk":true},"params":[{"name":"imageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":200,"b":208}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":311,"b":317}]}],"statement":"-- Distinct photo ids of the whole job (every round), and whether this id is one of them: the 5-photo limit is per job.\nSELECT count(DISTINCT i.image_id)::int AS \"count!\",\n       bool_or(i.image_id = :imageId!) AS \"already_known\"\n  FROM round_images i\n  JOIN job_rounds r ON r.id = i.round_pk\n WHERE r.job_id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- Distinct photo ids of the whole job (every round), and whether this id is one of them: the 5-photo limit is per job.
 * SELECT count(DISTINCT i.image_id)::int AS "count!",
 *        bool_or(i.image_id = :imageId!) AS "already_known"
 *   FROM round_images i
 *   JOIN job_rounds r ON r.id = i.round_pk
 *  WHERE r.job_id = :jobPk!
 * ```
 */
export const countJobImages = new PreparedQuery<ICountJobImagesParams,ICountJobImagesResult>(countJobImagesIR);


/** 'UpsertImage' parameters type */
export interface IUpsertImageParams {
  artifactPath: string;
  byteSize: number;
  contentType: string;
  imageId: string;
  metadata: Json;
  reportArtifactPath: string;
  reportByteSize: number;
  roundPk: string;
  sha256: string;
}

/** 'UpsertImage' return type */
export interface IUpsertImageResult {
  /** Internal key. */
  id: string;
}

/** 'UpsertImage' query type */
export interface IUpsertImageQuery {
  params: IUpsertImageParams;
  result: IUpsertImageResult;
}

const upsertImageIR: any = {"usedParamSet":{"roundPk":true,"imageId":true,"contentType":true,"byteSize":true,"sha256":true,"artifactPath":true,"reportArtifactPath":true,"reportByteSize":true,"metadata":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":261}]},{"name":"imageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":264,"b":272}]},{"name":"contentType","required":true,"transform":{"type":"scalar"},"locs":[{"a":287,"b":299}]},{"name":"byteSize","required":true,"transform":{"type":"scalar"},"locs":[{"a":302,"b":311}]},{"name":"sha256","required":true,"transform":{"type":"scalar"},"locs":[{"a":314,"b":321}]},{"name":"artifactPath","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":337}]},{"name":"reportArtifactPath","required":true,"transform":{"type":"scalar"},"locs":[{"a":343,"b":362}]},{"name":"reportByteSize","required":true,"transform":{"type":"scalar"},"locs":[{"a":365,"b":380}]},{"name":"metadata","required":true,"transform":{"type":"scalar"},"locs":[{"a":383,"b":392}]}],"statement":"-- A re-upload replaces the bytes and keeps caption and GPS.\nINSERT INTO round_images\n  (round_pk, image_id, upload_status, content_type, byte_size, sha256, artifact_path,\n   report_artifact_path, report_byte_size, metadata_json, uploaded_at)\nVALUES\n  (:roundPk!, :imageId!, 'uploaded', :contentType!, :byteSize!, :sha256!, :artifactPath!,\n   :reportArtifactPath!, :reportByteSize!, :metadata!, now())\nON CONFLICT (round_pk, image_id) DO UPDATE\n   SET upload_status = 'uploaded', content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size,\n       sha256 = EXCLUDED.sha256, artifact_path = EXCLUDED.artifact_path,\n       report_artifact_path = EXCLUDED.report_artifact_path, report_byte_size = EXCLUDED.report_byte_size,\n       metadata_json = EXCLUDED.metadata_json, uploaded_at = now()\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- A re-upload replaces the bytes and keeps caption and GPS.
 * INSERT INTO round_images
 *   (round_pk, image_id, upload_status, content_type, byte_size, sha256, artifact_path,
 *    report_artifact_path, report_byte_size, metadata_json, uploaded_at)
 * VALUES
 *   (:roundPk!, :imageId!, 'uploaded', :contentType!, :byteSize!, :sha256!, :artifactPath!,
 *    :reportArtifactPath!, :reportByteSize!, :metadata!, now())
 * ON CONFLICT (round_pk, image_id) DO UPDATE
 *    SET upload_status = 'uploaded', content_type = EXCLUDED.content_type, byte_size = EXCLUDED.byte_size,
 *        sha256 = EXCLUDED.sha256, artifact_path = EXCLUDED.artifact_path,
 *        report_artifact_path = EXCLUDED.report_artifact_path, report_byte_size = EXCLUDED.report_byte_size,
 *        metadata_json = EXCLUDED.metadata_json, uploaded_at = now()
 * RETURNING id
 * ```
 */
export const upsertImage = new PreparedQuery<IUpsertImageParams,IUpsertImageResult>(upsertImageIR);


/** 'UpdateImageDetails' parameters type */
export interface IUpdateImageDetailsParams {
  caption?: string | null | void;
  imagePk: string;
  latitude?: number | null | void;
  longitude?: number | null | void;
}

/** 'UpdateImageDetails' return type */
export type IUpdateImageDetailsResult = void;

/** 'UpdateImageDetails' query type */
export interface IUpdateImageDetailsQuery {
  params: IUpdateImageDetailsParams;
  result: IUpdateImageDetailsResult;
}

const updateImageDetailsIR: any = {"usedParamSet":{"caption":true,"latitude":true,"longitude":true,"imagePk":true},"params":[{"name":"caption","required":false,"transform":{"type":"scalar"},"locs":[{"a":136,"b":143}]},{"name":"latitude","required":false,"transform":{"type":"scalar"},"locs":[{"a":157,"b":165}]},{"name":"longitude","required":false,"transform":{"type":"scalar"},"locs":[{"a":180,"b":189}]},{"name":"imagePk","required":true,"transform":{"type":"scalar"},"locs":[{"a":203,"b":211}]}],"statement":"-- Caption and GPS from PATCH; the caller passes the current value for anything the body left out.\nUPDATE round_images\n   SET caption = :caption, latitude = :latitude, longitude = :longitude\n WHERE id = :imagePk!"};

/**
 * Query generated from SQL:
 * ```
 * -- Caption and GPS from PATCH; the caller passes the current value for anything the body left out.
 * UPDATE round_images
 *    SET caption = :caption, latitude = :latitude, longitude = :longitude
 *  WHERE id = :imagePk!
 * ```
 */
export const updateImageDetails = new PreparedQuery<IUpdateImageDetailsParams,IUpdateImageDetailsResult>(updateImageDetailsIR);


