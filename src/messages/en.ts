/**
 * English: every sentence facegate says to the person in front of the browser, keyed by a stable
 * code (an error's `code`, or the place on a page). The other catalogs have exactly these keys and
 * the same {placeholders} (test/messages.test.ts). A key ending in #one or #other is one form of a
 * counted sentence: `translate` picks the form Intl.PluralRules names for {count} in the language.
 * Operators' messages (configuration, models, the command line) are not here: they name files and
 * options, and stay English.
 */
export const en = {
  // The face engine's refusals of an image.
  not_an_image: 'This file is not an image we can read. Send a JPEG, PNG or WebP photo.',
  unsupported_format: 'This image format is not supported. Send a JPEG, PNG or WebP photo.',
  image_too_large: 'This image is too large. Send a smaller photo (a webcam frame is plenty).',
  no_face: 'No face was found. Face the camera, with your whole face in the frame.',
  several_faces: 'More than one face is in view. Make sure only you are in front of the camera.',
  face_too_small: 'Your face is too far from the camera. Come closer.',
  too_dark: 'The picture is too dark. Turn on a light or face a window.',
  too_blurry: 'The picture is blurry. Hold still and make sure the camera is in focus.',
  busy: 'The server is busy verifying other faces. Try again in a moment.',
  engine_failure: 'The face engine failed on this image. Try again; if it keeps happening, tell the operator.',
  empty_image: 'The image is empty. Send a JPEG, PNG or WebP photo.',
  damaged_image: 'This image is damaged or incomplete. Take or send the photo again.',

  // A liveness challenge that the burst cannot answer.
  challenge_invalid: 'This check does not belong to this page. Press the button to start a new one.',
  challenge_expired: 'The check took too long. Press the button to start a new one.',
  challenge_replayed: 'This check was used already. Press the button to start a new one.',
  challenge_superseded:
    'A newer check was started for this page, so this one no longer counts. Press the button to start a new one.',

  // Sign-in.
  not_recognised:
    'We could not recognise you. Face the camera in good light and try again; if it keeps failing, you may not be enrolled yet: ask for an enrolment link.',
  not_live:
    'We could not confirm a live person. Follow the prompts on the screen: turn your head as asked, slowly, then back to the camera.',
  'not_live.too_close':
    'We could not confirm a live person: you are too close to the camera. Move back a little, so that your whole head fits the oval with some of the room around it, and try again.',
  'not_live.unsteady':
    'We could not confirm a live person. Keep your face in the oval and turn slowly, alone in front of the camera, holding the camera still; then try again.',
  'not_live.wrong_frame_count':
    'The page sent a different number of pictures than the check asked for. Reload the page and try again.',
  account_required:
    'Too many people are enrolled here to recognise you by your face alone: type your account name, then verify again.',
  presentation_attack:
    'This looks like a photo or a screen rather than a live face. Face the camera yourself, in even light, with no screen, print or strong reflection in view, and try again.',
  liveness_required: 'This sign-in needs the live check: press “Verify my identity” and follow the prompts.',
  ended: 'Too many failed attempts: this sign-in has ended. You are being sent back to the application.',
  'too_many_attempts.seconds#one': 'Too many attempts. Wait {count} second and try again.',
  'too_many_attempts.seconds#other': 'Too many attempts. Wait {count} seconds and try again.',
  'too_many_attempts.minutes#one': 'Too many attempts. Wait {count} minute and try again.',
  'too_many_attempts.minutes#other': 'Too many attempts. Wait {count} minutes and try again.',

  // Enrolment.
  enrolled: 'Your face is enrolled. You can now sign in with it.',
  invalid_link: 'This enrolment link is not valid: it may have expired or been used already. Ask for a new one.',
  link_spent: 'This link cannot be used again: ask whoever sent it for a new one.',
  liveness_off: 'This enrolment takes plain pictures: no challenge.',
  enrollment_refused: 'This enrolment cannot be completed: ask whoever sent you the link.',
  not_same_person: 'These pictures do not all show the same person. Take them again, alone in front of the camera.',
  not_account_holder:
    'These pictures do not match the face already enrolled for this account: only its owner can add to it. Try again in good light; to enrol a different face in its place, ask for a link that replaces it.',
  already_enrolled: 'This face is already enrolled under another account. Ask the administrator for help.',
  too_few_frames:
    'Not enough pictures showed your face from the front. Try again, facing the camera between the moves.',
  too_few_pictures: 'Send at least {count} pictures.',

  // The sign-in's interaction, and the service itself.
  interaction_expired:
    'This sign-in page is no longer valid: it was left open too long, finished already, or opened in another browser.',
  start_again: 'Go back to the application and sign in again.',
  not_waiting_for_face: 'This sign-in is not waiting for a face.',
  not_waiting_for_consent: 'This sign-in is not waiting for consent.',
  other_interaction: 'This page belongs to another sign-in: start again from the application.',
  unknown_prompt: 'This sign-in asks for a step this service does not offer ({prompt}).',
  server_error: 'The sign-in service had a problem. Try again in a moment.',
  temporarily_unavailable: 'The sign-in service cannot reach its storage. Try again in a moment.',
  invalid_client: 'The application that sent you here is not registered with this sign-in service.',
  invalid_redirect_uri: 'The application asked to send you back to an address it has not registered.',
  request_failed: 'The request could not be completed.',

  // What is wrong with the frames a page sent (the upload itself, before any face is looked at).
  'frames.empty_body': 'The request has no image: send the camera frame as the body.',
  'frames.unsupported_media_type': 'Send the frame as image/jpeg (or several as multipart/form-data), not {type}.',
  'frames.untyped_body': 'Send the frame as image/jpeg (or several as multipart/form-data), with its Content-Type.',
  'frames.no_boundary':
    'The multipart body has no boundary in its Content-Type: send the frames as multipart/form-data with a boundary (as FormData does), or one frame as image/jpeg.',
  'frames.bad_multipart':
    'The multipart body could not be read (it is malformed or cut off): send the frames again as multipart/form-data.',
  'frames.field_too_long': 'The field “{name}” is too long: send at most 256 characters.',
  'frames.no_frames': 'The request has no frame: send parts named “frame”.',
  'frames.too_many_frames': 'Too many frames: send at most {max}.',
  'frames.too_many_parts': 'Too many parts: send at most {max} frames.',
  'frames.frame_too_large':
    'A frame is larger than {bytes} bytes: send webcam frames (JPEGs of a few hundred kB at most).',
  'frames.body_too_large':
    'The upload is larger than {bytes} bytes: send one webcam frame (a JPEG of a few hundred kB at most).',
  'frames.body_unreadable': 'The upload broke off: {reason}',

  // The liveness challenge's prompts, over the camera preview.
  'prompt.start': 'Look at the camera',
  'prompt.back': 'Back to the camera',
  'prompt.left': 'Turn your head slowly to your left',
  'prompt.right': 'Turn your head slowly to your right',
  'prompt.up': 'Tilt your head up',

  // Every page.
  'page.title': '{title} · facegate',
  'page.footer': 'Sign-in with your face · no password, no photo kept',
  'page.brand': 'facegate',

  // The camera, on the sign-in and enrolment pages.
  'camera.preview': 'Camera preview',
  'camera.live': 'Live',
  'camera.off': 'Camera is off',
  'camera.start': 'Start camera',
  'camera.other_ways': 'Other ways to sign in',
  'camera.cannot_use':
    'Cannot use a camera? Ask whoever runs the application that sent you here for another way to sign in.',

  // The sign-in page.
  'signin.title': 'Sign in',
  'signin.to': 'Sign in to',
  'signin.lead': 'Look into your camera: facegate recognises your face. No password needed.',
  'signin.start': 'Press “Start camera”, then “Verify my identity”.',
  'signin.verify': 'Verify my identity',
  'signin.as': 'Signing in as {account}.',
  'signin.particular_account': 'Sign in as a particular account',
  'signin.account_label': 'Account name',
  'signin.account_hint': 'Only this account will be checked.',
  'signin.cancel': 'Cancel and go back to {client}',
  'signin.privacy': 'Your picture is checked, then dropped: facegate keeps no photo of you.',

  // The enrolment page.
  'enroll.title': 'Enrol your face',
  'enroll.account': 'Account {account}',
  'enroll.lead_live':
    'A short check: follow the prompts and turn your head as asked; then you can sign in with your face.',
  'enroll.lead_live_named':
    '{name}, a short check: follow the prompts and turn your head as asked; then you can sign in with your face.',
  'enroll.lead_plain': 'Take {count} pictures a moment apart; then you can sign in with your face.',
  'enroll.lead_plain_named': '{name}, take {count} pictures a moment apart; then you can sign in with your face.',
  'enroll.replaces':
    'This link replaces the face enrolled for this account: the pictures you take become its only face.',
  'enroll.adds':
    'This account has a face enrolled already: these pictures are added to it only if they show the same person.',
  'enroll.valid_until': 'This link works until {date}.',
  'enroll.name_label': 'Your name',
  'enroll.name_placeholder': 'How applications should greet you',
  'enroll.start_live': 'Press “Start camera”, then “Start the check”.',
  'enroll.start_plain': 'Press “Start camera”, look straight at it, then “Take pictures”.',
  'enroll.check': 'Start the check',
  'enroll.take': 'Take {count} pictures',
  'enroll.done': 'Enrolled',
  'enroll.privacy': 'We keep numbers computed from these pictures, never the pictures themselves.',
  'enroll.link_broken': 'This enrolment link does not work',

  // The consent page.
  'consent.title': 'Allow access',
  'consent.signed_in_as': 'Signed in as {account}',
  'consent.heading': '{client} asks for access',
  'consent.lead': 'Allow {client} to see:',
  'consent.deny': 'Deny',
  'consent.allow': 'Allow',
  'consent.privacy': 'You can sign out of {client} at any time; it keeps what it received until then.',
  'scope.openid': 'Who you are',
  'scope.openid.detail': 'An identifier for your account, and that you signed in with your face.',
  'scope.profile': 'Your profile',
  'scope.profile.detail': 'Your name and profile picture.',
  'scope.email': 'Your email address',
  'scope.email.detail': 'And whether it has been verified.',
  'scope.offline_access': 'Access while you are away',
  'scope.offline_access.detail': 'It may stay connected to your account until you sign out of it.',
  'scope.other.detail': 'A permission this application defines.',
  'claims.title': 'Details about you',
  'claims.detail': 'Also {claims}.',
  'claim.name': 'your name',
  'claim.given_name': 'your first name',
  'claim.family_name': 'your last name',
  'claim.email': 'your email address',
  'claim.email_verified': 'whether your email is verified',
  'claim.picture': 'your profile picture',

  // The error page.
  'error.title': 'Sign-in error',
  'error.heading': 'This sign-in cannot go on',
  'error.expired_title': 'Sign-in expired',
  'error.expired_heading': 'This sign-in has expired',
  'error.enroll_title': 'Enrolment',
  'error.advice':
    'Go back to the application you came from and start again. If it keeps happening, tell its administrator the error code below.',
  'error.code': 'Error code',

  // Signing out (the pages around oidc-provider's logout).
  'logout.title': 'Sign out',
  'logout.heading': 'Sign out of facegate?',
  'logout.asked_by': '{client} asks to sign you out.',
  'logout.lead': 'You will need your face to sign in again.',
  'logout.stay': 'No, stay signed in',
  'logout.confirm': 'Yes, sign me out',
  'logged_out.title': 'Signed out',
  'logged_out.lead': 'You are signed out of facegate.',
  'logged_out.lead_client': 'You are signed out of facegate and {client}.',
  'logged_out.close': 'You can close this window.',

  // What the pages' scripts say as they go (given to the browser with the page).
  'script.camera_refused':
    'Camera access was refused. Allow the camera for this site (the camera icon in the address bar, or the browser’s site settings), then press “Start camera” again.',
  'script.camera_blocked':
    'Camera access was refused. Allow the camera for this site in the browser’s settings, then press “Start camera” again.',
  'script.camera_missing': 'No camera was found. Connect a camera and press “Start camera” again.',
  'script.camera_unsuitable': 'No suitable camera was found. Connect a camera and press “Start camera” again.',
  'script.camera_in_use': 'The camera is in use by another application. Close it and press “Start camera” again.',
  'script.camera_aborted': 'The camera could not start. Press “Start camera” again.',
  'script.camera_failed': 'The camera could not start ({reason}). Press “Start camera” again.',
  'script.insecure_page':
    'Cameras only work on secure pages. Open this page over https (or on localhost); ask the site’s operator to set up https.',
  'script.no_camera_api': 'This browser cannot use a camera. Try a recent Chrome, Edge, Firefox or Safari.',
  'script.camera_starting': 'Starting the camera…',
  'script.unreachable': 'The sign-in service could not be reached. Check your connection and try again.',
  'script.went_wrong': 'Something went wrong (HTTP {status}). Try again.',
  'script.follow_prompts': 'Follow the prompts on the picture.',
  'script.signin_ready': 'Centre your face in the oval, then press “Verify my identity”.',
  'script.taking_picture': 'Taking the picture…',
  'script.checking_face': 'Checking your face…',
  'script.recognised': 'Recognised. Signing you in…',
  'script.crowded': 'Many people are signing in right now: one moment…',
  'script.attempts_left#one': '{count} attempt left.',
  'script.attempts_left#other': '{count} attempts left.',
  'script.enroll_ready': 'Look straight at the camera, then press “Take pictures”.',
  'script.enroll_ready_live': 'Look straight at the camera, then press “Start the check”.',
  'script.picture_hold': 'Picture {number} of {count}: hold still…',
  'script.getting_ready': 'Getting ready…',
  'script.check_failed': 'The check could not start. Try again.',
  'script.checking_pictures': 'Checking your pictures…',
  'script.picture_refused': 'Picture {number}: {message}',
  // Consent to keeping a face, and retention (issue 15, items 1 and 2; the consent branch).
  'consent.face.heading': 'Your face data',
  'consent.face.kept':
    'To sign you in, we keep a face template: numbers computed from pictures of your face. The pictures themselves are not kept.',
  'consent.face.kept_days#one': 'The template is deleted once you have not signed in for {count} day.',
  'consent.face.kept_days#other': 'The template is deleted once you have not signed in for {count} days.',
  'consent.face.kept_until_deleted': 'The template is kept until you delete it or the operator removes your account.',
  'consent.face.operator': 'This service is run by {operator}.',
  'consent.face.delete': 'To have your face data deleted, or to withdraw your consent, ask {operator}.',
  'consent.face.policy': 'Read the full privacy policy',
  'consent.face.version': 'Policy version {version}.',
  'consent.face.agree': 'I agree that my face template is kept and used to sign me in, as described above.',
  'consent.face.tick_first': 'First tick the box to agree: the camera starts only after that.',
  'consent.required':
    'Enrolment needs your consent: tick the box that agrees to keeping your face template, then try again.',
  'consent.outdated':
    'The privacy policy changed after this page was opened. Reload the page, read it, and tick the box again.',
  'consent.again.title': 'Your consent',
  'consent.again.heading': 'The privacy policy for your face data has changed',
  'consent.again.lead':
    'Your face was recognised. Before you continue to {client}, read the new version and say whether you agree.',
  'consent.again.continue': 'Continue',
  'consent.again.decline': 'I do not agree',
  'consent.again.decline_hint': 'If you do not agree, this sign-in ends and {client} is told that access was denied.',
  'consent.again.not_waiting':
    'This sign-in is not waiting for your consent. Go back to the application and sign in again.',
  // The /account page (the person's own page: their face, sign-ins, data, deletion).
  'account.title': 'Your account',
  'account.signed_in_as': 'Signed in as {account}',
  'account.faces_heading': 'Your face',
  'account.templates#one': '{count} template',
  'account.templates#other': '{count} templates',
  'account.enrolled_at': 'Enrolled on {date}',
  'account.model': 'Face model: {model}',
  'account.through_invitation': 'Through the enrolment link {invitation}',
  'account.through_command': 'By the operator, from photos (facegate enroll)',
  'account.through_carry_over': 'Carried over at a sign-in from the older model {model}',
  'account.through_unknown': 'How it was enrolled is no longer in the audit trail',
  'account.no_faces': 'No face is enrolled on this account.',
  'account.add_face': 'Add a fresh enrolment',
  'account.add_face_hint':
    'Takes new pictures with the camera and adds them to your face, once they match it. It helps when you look different from when you enrolled.',
  'account.signins_heading': 'Your last sign-ins',
  'account.when': 'When',
  'account.client': 'Application',
  'account.result': 'Result',
  'account.ip': 'IP address',
  'account.this_page': 'This page',
  'account.accepted': 'Signed in',
  'account.refused': 'Refused ({reason})',
  'account.no_signins': 'No sign-in is on record yet.',
  'account.data_heading': 'Your data',
  'account.data_lead':
    'Download everything kept about you as a JSON file: your account, your face templates’ details and the audit trail of your sign-ins and enrolments.',
  'account.with_embeddings': 'Include the face templates themselves (lists of numbers)',
  'account.download': 'Download my data',
  'account.delete_heading': 'Delete your face',
  'account.delete_lead':
    'Removes every face template kept for you and signs you out everywhere. You then cannot sign in with your face until you are enrolled again.',
  'account.delete_face': 'Delete my face…',
  'account.delete_title': 'Delete your face?',
  'account.delete_confirm_lead': 'This cannot be undone. Once you confirm:',
  'account.delete_consequence_templates': 'every face template of your account is deleted;',
  'account.delete_consequence_sessions':
    'you are signed out of every application, and their sessions and tokens stop working;',
  'account.delete_consequence_enrol':
    'you can sign in with your face again only after a new enrolment link from the operator;',
  'account.delete_consequence_kept':
    'your name and email stay, and the audit trail keeps its records for its retention period.',
  'account.delete_cancel': 'Keep my face',
  'account.delete_confirm': 'Delete my face',
  'account.deleted_title': 'Your face is deleted',
  'account.deleted_templates#one': '{count} face template was deleted.',
  'account.deleted_templates#other': '{count} face templates were deleted.',
  'account.deleted_signed_out': 'You are signed out of every application.',
  'account.deleted_enrol_again': 'To sign in with your face again, ask the operator for a new enrolment link.',
  'account.signed_out': 'Your session on this page has ended. Open your account page again and sign in with your face.',
  'account.sign_in_failed':
    'The sign-in to your account page could not be completed. Open your account page again and sign in with your face.',
  'account.sign_in_cancelled':
    'The sign-in to your account page was cancelled or refused. Open your account page again to try once more.',
  'account.consent_heading': 'Your consent',
  'account.consent_given': 'You consented to version {version} of the policy on {date}.',
  'account.consent_on_enrolment': 'Given on the enrolment page.',
  'account.consent_at_sign_in': 'Given again at a sign-in, after the policy changed.',
  'account.consent_by_operator': 'Recorded by the operator who enrolled you from photos: {statement}',
  'account.no_consent': 'No consent is on record: your face was enrolled before facegate asked for it.',
  'account.gone': 'This account no longer exists.',
  'account.no_face': 'No face is enrolled on this account: ask the operator for an enrolment link.',

  // Passkeys (issue 16): beside the face on the sign-in page, offered after the face at enrolment.
  'passkey.other_way': 'Use a passkey instead',
  'passkey.other_way_hint':
    'A passkey you added after enrolling your face: on this device, a phone nearby or a security key.',
  'passkey.second_step': 'This application asks for your face and then your passkey.',
  'passkey.use': 'Use my passkey',
  'passkey.offer_title': 'Add a passkey (optional)',
  'passkey.offer_lead':
    'A passkey lets you sign in when the camera cannot, and lets applications that ask for more check your face and your passkey together. This page can add one for the next 10 minutes.',
  'passkey.add': 'Add a passkey',
  'passkey.refused': 'This passkey was not accepted. Try again, or use another passkey of your account.',
  'passkey.other_account':
    'This passkey belongs to another account than the face just recognised. Use your own passkey.',
  'passkey.start_again': 'This passkey request has expired or was answered already. Press the button to start again.',
  'passkey.exists': 'This passkey is registered already.',
  'passkey.grant_invalid':
    'A passkey can no longer be added from this page: it can add one, once, within 10 minutes of enrolling your face.',
  'passkey.not_offered': 'A passkey is not accepted for this sign-in: the application asks for your face.',
  'passkey.not_face': 'This application asks for a passkey, not your face: press “Use a passkey instead”.',
  'passkey.face_first': 'Show your face first: this application asks for your face and then your passkey.',
  'passkey.face_done': 'Your face is recognised. Now use your passkey to finish signing in.',
  'passkey.account_heading': 'Your passkeys',
  'passkey.account_added': 'Added {date}',
  'passkey.account_last_used': 'Last used {date}',
  'passkey.account_never_used': 'Not used yet',
  'passkey.account_remove': 'Remove this passkey',
  'passkey.account_none': 'No passkey is registered to your account.',
  'passkey.account_hint':
    'Deleting your face leaves your passkeys: remove them here. A passkey is added on the enrolment page, right after your face.',
  'passkey.script.waiting': 'Follow your browser’s prompt to use your passkey…',
  'passkey.script.creating': 'Follow your browser’s prompt to create your passkey…',
  'passkey.script.checking': 'Checking your passkey…',
  'passkey.script.accepted': 'Passkey accepted. Signing you in…',
  'passkey.script.added': 'Your passkey is added. You can sign in with it when the camera cannot.',
  'passkey.script.cancelled': 'The passkey prompt was closed. Press the button to try again.',
  'passkey.script.unsupported': 'This browser cannot use passkeys. Try a recent Chrome, Edge, Firefox or Safari.',
} as const;

export type MessageKey = keyof typeof en;
/** A catalog: a sentence for every key English has, and no other. */
export type Catalog = Readonly<Record<MessageKey, string>>;
