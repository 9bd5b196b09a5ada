/** Deutsch: the person is addressed as „Sie“, as sign-in pages in German do. */
import type { Catalog } from './en.js';

export const de: Catalog = {
  not_an_image: 'Diese Datei ist kein Bild, das wir lesen können. Senden Sie ein Foto als JPEG, PNG oder WebP.',
  unsupported_format: 'Dieses Bildformat wird nicht unterstützt. Senden Sie ein Foto als JPEG, PNG oder WebP.',
  image_too_large: 'Das Bild ist zu groß. Senden Sie ein kleineres Foto (ein Bild der Webcam genügt).',
  no_face: 'Es wurde kein Gesicht gefunden. Schauen Sie in die Kamera, mit dem ganzen Gesicht im Bild.',
  several_faces: 'Es ist mehr als ein Gesicht zu sehen. Achten Sie darauf, dass nur Sie vor der Kamera sind.',
  face_too_small: 'Ihr Gesicht ist zu weit von der Kamera entfernt. Kommen Sie näher.',
  too_dark: 'Das Bild ist zu dunkel. Schalten Sie ein Licht ein oder wenden Sie sich einem Fenster zu.',
  too_blurry: 'Das Bild ist unscharf. Halten Sie still und achten Sie darauf, dass die Kamera scharf stellt.',
  busy: 'Der Server prüft gerade viele andere Gesichter. Versuchen Sie es gleich noch einmal.',
  engine_failure:
    'Die Gesichtserkennung ist an diesem Bild gescheitert. Versuchen Sie es noch einmal; wenn das wieder passiert, wenden Sie sich an den Betreiber.',
  empty_image: 'Das Bild ist leer. Senden Sie ein Foto als JPEG, PNG oder WebP.',
  damaged_image:
    'Das Bild ist beschädigt oder unvollständig. Nehmen Sie das Foto neu auf oder senden Sie es noch einmal.',

  challenge_invalid:
    'Diese Prüfung gehört nicht zu dieser Seite. Drücken Sie die Schaltfläche, um eine neue zu beginnen.',
  challenge_expired: 'Die Prüfung hat zu lange gedauert. Drücken Sie die Schaltfläche, um eine neue zu beginnen.',
  challenge_replayed: 'Diese Prüfung wurde schon verwendet. Drücken Sie die Schaltfläche, um eine neue zu beginnen.',
  challenge_superseded:
    'Für diese Seite wurde inzwischen eine neuere Prüfung gestartet, diese zählt nicht mehr. Drücken Sie die Schaltfläche, um eine neue zu beginnen.',

  not_recognised:
    'Wir konnten Sie nicht erkennen. Schauen Sie bei gutem Licht in die Kamera und versuchen Sie es noch einmal. Klappt es weiterhin nicht, sind Sie vielleicht noch nicht registriert: Bitten Sie um einen Registrierungslink.',
  not_live:
    'Wir konnten nicht bestätigen, dass eine echte Person vor der Kamera ist. Folgen Sie den Anweisungen auf dem Bildschirm: Drehen Sie den Kopf langsam wie angegeben und schauen Sie dann wieder in die Kamera.',
  'not_live.too_close':
    'Wir konnten nicht bestätigen, dass eine echte Person vor der Kamera ist: Sie sind zu nah an der Kamera. Gehen Sie etwas zurück, sodass Ihr ganzer Kopf mit etwas Raum drumherum in das Oval passt, und versuchen Sie es noch einmal.',
  'not_live.unsteady':
    'Wir konnten nicht bestätigen, dass eine echte Person vor der Kamera ist. Halten Sie das Gesicht im Oval und drehen Sie den Kopf langsam, allein vor der Kamera und ohne die Kamera zu bewegen; versuchen Sie es dann noch einmal.',
  'not_live.wrong_frame_count':
    'Die Seite hat eine andere Anzahl von Bildern geschickt, als die Prüfung verlangt hat. Laden Sie die Seite neu und versuchen Sie es noch einmal.',
  account_required:
    'Hier sind zu viele Personen registriert, um Sie allein am Gesicht zu erkennen: Geben Sie Ihren Kontonamen ein und lassen Sie sich dann erneut prüfen.',
  presentation_attack:
    'Das sieht eher nach einem Foto oder einem Bildschirm aus als nach einem echten Gesicht. Schauen Sie selbst in die Kamera, bei gleichmäßigem Licht, ohne Bildschirm, Ausdruck oder starke Spiegelung im Bild, und versuchen Sie es noch einmal.',
  liveness_required:
    'Diese Anmeldung verlangt die Live-Prüfung: Drücken Sie „Meine Identität bestätigen“ und folgen Sie den Anweisungen.',
  ended: 'Zu viele fehlgeschlagene Versuche: Diese Anmeldung ist beendet. Sie werden zur Anwendung zurückgeleitet.',
  'too_many_attempts.seconds#one':
    'Zu viele Versuche. Warten Sie {count} Sekunde und versuchen Sie es dann noch einmal.',
  'too_many_attempts.seconds#other':
    'Zu viele Versuche. Warten Sie {count} Sekunden und versuchen Sie es dann noch einmal.',
  'too_many_attempts.minutes#one':
    'Zu viele Versuche. Warten Sie {count} Minute und versuchen Sie es dann noch einmal.',
  'too_many_attempts.minutes#other':
    'Zu viele Versuche. Warten Sie {count} Minuten und versuchen Sie es dann noch einmal.',

  enrolled: 'Ihr Gesicht ist registriert. Sie können sich ab jetzt damit anmelden.',
  invalid_link:
    'Dieser Registrierungslink ist nicht gültig: Vielleicht ist er abgelaufen oder wurde schon verwendet. Bitten Sie um einen neuen.',
  link_spent:
    'Dieser Link kann nicht noch einmal verwendet werden: Bitten Sie die Person, die ihn geschickt hat, um einen neuen.',
  liveness_off: 'Diese Registrierung nimmt einfache Bilder auf, ohne Prüfung.',
  enrollment_refused:
    'Diese Registrierung kann nicht abgeschlossen werden: Wenden Sie sich an die Person, die Ihnen den Link geschickt hat.',
  not_same_person:
    'Diese Bilder zeigen nicht alle dieselbe Person. Nehmen Sie sie noch einmal auf, allein vor der Kamera.',
  not_account_holder:
    'Diese Bilder passen nicht zu dem Gesicht, das für dieses Konto bereits registriert ist: Nur die Person, der das Konto gehört, kann Bilder hinzufügen. Versuchen Sie es bei gutem Licht noch einmal. Um stattdessen ein anderes Gesicht zu registrieren, bitten Sie um einen Link, der das bisherige ersetzt.',
  already_enrolled:
    'Dieses Gesicht ist bereits unter einem anderen Konto registriert. Bitten Sie die Administration um Hilfe.',
  too_few_frames:
    'Zu wenige Bilder zeigten Ihr Gesicht von vorn. Versuchen Sie es noch einmal und schauen Sie zwischen den Bewegungen in die Kamera.',
  too_few_pictures: 'Senden Sie mindestens {count} Bilder.',

  interaction_expired:
    'Diese Anmeldeseite ist nicht mehr gültig: Sie war zu lange geöffnet, wurde schon abgeschlossen oder in einem anderen Browser geöffnet.',
  start_again: 'Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.',
  not_waiting_for_face: 'Diese Anmeldung wartet gerade nicht auf ein Gesicht.',
  not_waiting_for_consent: 'Diese Anmeldung wartet gerade nicht auf eine Zustimmung.',
  other_interaction: 'Diese Seite gehört zu einer anderen Anmeldung: Beginnen Sie noch einmal bei der Anwendung.',
  unknown_prompt: 'Diese Anmeldung verlangt einen Schritt, den dieser Dienst nicht anbietet ({prompt}).',
  server_error: 'Beim Anmeldedienst ist ein Problem aufgetreten. Versuchen Sie es gleich noch einmal.',
  temporarily_unavailable:
    'Der Anmeldedienst erreicht seinen Speicher gerade nicht. Versuchen Sie es gleich noch einmal.',
  invalid_client: 'Die Anwendung, die Sie hierher geschickt hat, ist bei diesem Anmeldedienst nicht registriert.',
  invalid_redirect_uri: 'Die Anwendung wollte Sie an eine Adresse zurückschicken, die sie nicht registriert hat.',
  request_failed: 'Die Anfrage konnte nicht ausgeführt werden.',

  'frames.empty_body': 'Die Anfrage enthält kein Bild: Senden Sie das Kamerabild als Inhalt der Anfrage.',
  'frames.unsupported_media_type':
    'Senden Sie das Bild als image/jpeg (oder mehrere als multipart/form-data), nicht als {type}.',
  'frames.untyped_body':
    'Senden Sie das Bild als image/jpeg (oder mehrere als multipart/form-data), mit seinem Content-Type.',
  'frames.no_boundary':
    'Dem multipart-Inhalt fehlt die boundary im Content-Type: Senden Sie die Bilder als multipart/form-data mit boundary (wie FormData es tut) oder ein einzelnes Bild als image/jpeg.',
  'frames.bad_multipart':
    'Der multipart-Inhalt ließ sich nicht lesen (er ist fehlerhaft oder abgeschnitten): Senden Sie die Bilder noch einmal als multipart/form-data.',
  'frames.field_too_long': 'Das Feld „{name}“ ist zu lang: Senden Sie höchstens 256 Zeichen.',
  'frames.no_frames': 'Die Anfrage enthält kein Bild: Senden Sie Teile mit dem Namen „frame“.',
  'frames.too_many_frames': 'Zu viele Bilder: Senden Sie höchstens {max}.',
  'frames.too_many_parts': 'Zu viele Teile: Senden Sie höchstens {max} Bilder.',
  'frames.frame_too_large':
    'Ein Bild ist größer als {bytes} Byte: Senden Sie Bilder der Webcam (JPEGs von höchstens einigen hundert kB).',
  'frames.body_too_large':
    'Der Upload ist größer als {bytes} Byte: Senden Sie ein Bild der Webcam (ein JPEG von höchstens einigen hundert kB).',
  'frames.body_unreadable': 'Der Upload ist abgebrochen: {reason}',

  'prompt.start': 'Schauen Sie in die Kamera',
  'prompt.back': 'Wieder in die Kamera schauen',
  'prompt.left': 'Drehen Sie den Kopf langsam nach links',
  'prompt.right': 'Drehen Sie den Kopf langsam nach rechts',
  'prompt.up': 'Heben Sie den Kopf leicht an',

  'page.title': '{title} · facegate',
  'page.footer': 'Anmelden mit dem Gesicht · ohne Passwort, ohne gespeichertes Foto',
  'page.brand': 'facegate',

  'camera.preview': 'Kameravorschau',
  'camera.live': 'Live',
  'camera.off': 'Kamera ist aus',
  'camera.start': 'Kamera starten',
  'camera.other_ways': 'Andere Wege zur Anmeldung',
  'camera.cannot_use':
    'Sie können keine Kamera verwenden? Fragen Sie die Betreiber der Anwendung, die Sie hierher geschickt hat, nach einem anderen Weg zur Anmeldung.',

  'signin.title': 'Anmelden',
  'signin.to': 'Anmelden bei',
  'signin.lead': 'Schauen Sie in Ihre Kamera: facegate erkennt Ihr Gesicht. Kein Passwort nötig.',
  'signin.start': 'Drücken Sie „Kamera starten“ und dann „Meine Identität bestätigen“.',
  'signin.verify': 'Meine Identität bestätigen',
  'signin.as': 'Anmeldung als {account}.',
  'signin.particular_account': 'Mit einem bestimmten Konto anmelden',
  'signin.account_label': 'Kontoname',
  'signin.account_hint': 'Nur dieses Konto wird geprüft.',
  'signin.cancel': 'Abbrechen und zurück zu {client}',
  'signin.privacy': 'Ihr Bild wird geprüft und dann verworfen: facegate speichert kein Foto von Ihnen.',

  'enroll.title': 'Gesicht registrieren',
  'enroll.account': 'Konto {account}',
  'enroll.lead_live':
    'Eine kurze Prüfung: Folgen Sie den Anweisungen und drehen Sie den Kopf wie angegeben. Danach können Sie sich mit Ihrem Gesicht anmelden.',
  'enroll.lead_live_named':
    '{name}, eine kurze Prüfung: Folgen Sie den Anweisungen und drehen Sie den Kopf wie angegeben. Danach können Sie sich mit Ihrem Gesicht anmelden.',
  'enroll.lead_plain':
    'Nehmen Sie kurz nacheinander {count} Bilder auf. Danach können Sie sich mit Ihrem Gesicht anmelden.',
  'enroll.lead_plain_named':
    '{name}, nehmen Sie kurz nacheinander {count} Bilder auf. Danach können Sie sich mit Ihrem Gesicht anmelden.',
  'enroll.replaces':
    'Dieser Link ersetzt das für dieses Konto registrierte Gesicht: Die Bilder, die Sie jetzt aufnehmen, werden sein einziges Gesicht.',
  'enroll.adds':
    'Für dieses Konto ist bereits ein Gesicht registriert: Diese Bilder werden nur hinzugefügt, wenn sie dieselbe Person zeigen.',
  'enroll.valid_until': 'Dieser Link gilt bis {date}.',
  'enroll.name_label': 'Ihr Name',
  'enroll.name_placeholder': 'Wie Anwendungen Sie begrüßen sollen',
  'enroll.start_live': 'Drücken Sie „Kamera starten“ und dann „Prüfung starten“.',
  'enroll.start_plain':
    'Drücken Sie „Kamera starten“, schauen Sie direkt hinein und drücken Sie dann „Bilder aufnehmen“.',
  'enroll.check': 'Prüfung starten',
  'enroll.take': '{count} Bilder aufnehmen',
  'enroll.done': 'Registriert',
  'enroll.privacy': 'Wir speichern aus diesen Bildern berechnete Zahlen, niemals die Bilder selbst.',
  'enroll.link_broken': 'Dieser Registrierungslink funktioniert nicht',

  'consent.title': 'Zugriff erlauben',
  'consent.signed_in_as': 'Angemeldet als {account}',
  'consent.heading': '{client} bittet um Zugriff',
  'consent.lead': 'Erlauben Sie {client}, Folgendes zu sehen:',
  'consent.deny': 'Ablehnen',
  'consent.allow': 'Erlauben',
  'consent.privacy':
    'Sie können sich jederzeit bei {client} abmelden; bis dahin behält die Anwendung, was sie erhalten hat.',
  'scope.openid': 'Wer Sie sind',
  'scope.openid.detail': 'Eine Kennung Ihres Kontos und dass Sie sich mit Ihrem Gesicht angemeldet haben.',
  'scope.profile': 'Ihr Profil',
  'scope.profile.detail': 'Ihren Namen und Ihr Profilbild.',
  'scope.email': 'Ihre E-Mail-Adresse',
  'scope.email.detail': 'Und ob sie bestätigt ist.',
  'scope.offline_access': 'Zugriff in Ihrer Abwesenheit',
  'scope.offline_access.detail': 'Die Anwendung kann mit Ihrem Konto verbunden bleiben, bis Sie sich dort abmelden.',
  'scope.other.detail': 'Eine Berechtigung, die diese Anwendung festlegt.',
  'claims.title': 'Angaben zu Ihrer Person',
  'claims.detail': 'Außerdem {claims}.',
  'claim.name': 'Ihren Namen',
  'claim.given_name': 'Ihren Vornamen',
  'claim.family_name': 'Ihren Nachnamen',
  'claim.email': 'Ihre E-Mail-Adresse',
  'claim.email_verified': 'ob Ihre E-Mail-Adresse bestätigt ist',
  'claim.picture': 'Ihr Profilbild',

  'error.title': 'Fehler bei der Anmeldung',
  'error.heading': 'Diese Anmeldung kann nicht fortgesetzt werden',
  'error.expired_title': 'Anmeldung abgelaufen',
  'error.expired_heading': 'Diese Anmeldung ist abgelaufen',
  'error.enroll_title': 'Registrierung',
  'error.advice':
    'Kehren Sie zur Anwendung zurück, von der Sie kamen, und beginnen Sie noch einmal. Wenn das wieder passiert, nennen Sie der Administration den Fehlercode unten.',
  'error.code': 'Fehlercode',

  'logout.title': 'Abmelden',
  'logout.heading': 'Von facegate abmelden?',
  'logout.asked_by': '{client} möchte Sie abmelden.',
  'logout.lead': 'Zum erneuten Anmelden brauchen Sie dann wieder Ihr Gesicht.',
  'logout.stay': 'Nein, angemeldet bleiben',
  'logout.confirm': 'Ja, abmelden',
  'logged_out.title': 'Abgemeldet',
  'logged_out.lead': 'Sie sind von facegate abgemeldet.',
  'logged_out.lead_client': 'Sie sind von facegate und {client} abgemeldet.',
  'logged_out.close': 'Sie können dieses Fenster jetzt schließen.',

  'script.camera_refused':
    'Der Zugriff auf die Kamera wurde verweigert. Erlauben Sie die Kamera für diese Website (über das Kamerasymbol in der Adressleiste oder die Website-Einstellungen des Browsers) und drücken Sie dann noch einmal „Kamera starten“.',
  'script.camera_blocked':
    'Der Zugriff auf die Kamera wurde verweigert. Erlauben Sie die Kamera für diese Website in den Einstellungen des Browsers und drücken Sie dann noch einmal „Kamera starten“.',
  'script.camera_missing':
    'Es wurde keine Kamera gefunden. Schließen Sie eine Kamera an und drücken Sie noch einmal „Kamera starten“.',
  'script.camera_unsuitable':
    'Es wurde keine geeignete Kamera gefunden. Schließen Sie eine Kamera an und drücken Sie noch einmal „Kamera starten“.',
  'script.camera_in_use':
    'Die Kamera wird von einer anderen Anwendung verwendet. Schließen Sie diese und drücken Sie noch einmal „Kamera starten“.',
  'script.camera_aborted': 'Die Kamera konnte nicht starten. Drücken Sie noch einmal „Kamera starten“.',
  'script.camera_failed': 'Die Kamera konnte nicht starten ({reason}). Drücken Sie noch einmal „Kamera starten“.',
  'script.insecure_page':
    'Kameras funktionieren nur auf sicheren Seiten. Öffnen Sie diese Seite über https (oder auf localhost); bitten Sie die Betreiber der Website, https einzurichten.',
  'script.no_camera_api':
    'Dieser Browser kann keine Kamera verwenden. Versuchen Sie es mit einer aktuellen Version von Chrome, Edge, Firefox oder Safari.',
  'script.camera_starting': 'Die Kamera startet …',
  'script.unreachable':
    'Der Anmeldedienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
  'script.went_wrong': 'Etwas ist schiefgegangen (HTTP {status}). Versuchen Sie es noch einmal.',
  'script.follow_prompts': 'Folgen Sie den Anweisungen im Bild.',
  'script.signin_ready': 'Bringen Sie Ihr Gesicht in das Oval und drücken Sie dann „Meine Identität bestätigen“.',
  'script.taking_picture': 'Das Bild wird aufgenommen …',
  'script.checking_face': 'Ihr Gesicht wird geprüft …',
  'script.recognised': 'Erkannt. Sie werden angemeldet …',
  'script.crowded': 'Gerade melden sich viele Personen an: einen Moment bitte …',
  'script.attempts_left#one': 'Noch {count} Versuch.',
  'script.attempts_left#other': 'Noch {count} Versuche.',
  'script.enroll_ready': 'Schauen Sie direkt in die Kamera und drücken Sie dann „Bilder aufnehmen“.',
  'script.enroll_ready_live': 'Schauen Sie direkt in die Kamera und drücken Sie dann „Prüfung starten“.',
  'script.picture_hold': 'Bild {number} von {count}: Bitte stillhalten …',
  'script.getting_ready': 'Einen Moment …',
  'script.check_failed': 'Die Prüfung konnte nicht starten. Versuchen Sie es noch einmal.',
  'script.checking_pictures': 'Ihre Bilder werden geprüft …',
  'script.picture_refused': 'Bild {number}: {message}',
  // Einwilligung zum Speichern des Gesichts, und Aufbewahrung (Issue 15, Punkte 1 und 2; Zweig consent).
  'consent.face.heading': 'Ihre Gesichtsdaten',
  'consent.face.kept':
    'Um Sie anzumelden, speichern wir ein Gesichtsmerkmal: Zahlen, die aus Bildern Ihres Gesichts berechnet werden. Die Bilder selbst werden nicht gespeichert.',
  'consent.face.kept_days#one': 'Das Merkmal wird gelöscht, wenn Sie sich {count} Tag lang nicht angemeldet haben.',
  'consent.face.kept_days#other': 'Das Merkmal wird gelöscht, wenn Sie sich {count} Tage lang nicht angemeldet haben.',
  'consent.face.kept_until_deleted':
    'Das Merkmal bleibt gespeichert, bis Sie es löschen lassen oder der Betreiber Ihr Konto entfernt.',
  'consent.face.operator': 'Betrieben wird dieser Dienst von {operator}.',
  'consent.face.delete':
    'Wenn Sie Ihre Gesichtsdaten löschen lassen oder Ihre Einwilligung widerrufen möchten, wenden Sie sich an {operator}.',
  'consent.face.policy': 'Vollständige Datenschutzerklärung lesen',
  'consent.face.version': 'Fassung der Erklärung: {version}.',
  'consent.face.agree':
    'Ich willige ein, dass mein Gesichtsmerkmal wie oben beschrieben gespeichert und zur Anmeldung verwendet wird.',
  'consent.face.tick_first': 'Bitte setzen Sie zuerst das Häkchen zur Einwilligung: Erst dann startet die Kamera.',
  'consent.required':
    'Für die Registrierung brauchen wir Ihre Einwilligung: Setzen Sie das Häkchen zum Speichern Ihres Gesichtsmerkmals und versuchen Sie es noch einmal.',
  'consent.outdated':
    'Die Datenschutzerklärung hat sich geändert, seit diese Seite geöffnet wurde. Laden Sie die Seite neu, lesen Sie sie und setzen Sie das Häkchen erneut.',
  'consent.again.title': 'Ihre Einwilligung',
  'consent.again.heading': 'Die Datenschutzerklärung für Ihre Gesichtsdaten hat sich geändert',
  'consent.again.lead':
    'Ihr Gesicht wurde erkannt. Bevor es weiter zu {client} geht, lesen Sie bitte die neue Fassung und entscheiden Sie, ob Sie einwilligen.',
  'consent.again.continue': 'Weiter',
  'consent.again.decline': 'Ich willige nicht ein',
  'consent.again.decline_hint':
    'Wenn Sie nicht einwilligen, endet diese Anmeldung und {client} erfährt, dass der Zugriff verweigert wurde.',
  'consent.again.not_waiting':
    'Diese Anmeldung wartet nicht auf Ihre Einwilligung. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.',
  // The /account page (the person's own page: their face, sign-ins, data, deletion).
  'account.title': 'Ihr Konto',
  'account.signed_in_as': 'Angemeldet als {account}',
  'account.faces_heading': 'Ihr Gesicht',
  'account.templates#one': '{count} Vorlage',
  'account.templates#other': '{count} Vorlagen',
  'account.enrolled_at': 'Registriert am {date}',
  'account.model': 'Gesichtsmodell: {model}',
  'account.through_invitation': 'Über den Registrierungslink {invitation}',
  'account.through_command': 'Vom Betreiber, aus Fotos (facegate enroll)',
  'account.through_carry_over': 'Bei einer Anmeldung vom älteren Modell {model} übernommen',
  'account.through_unknown': 'Wie es registriert wurde, steht nicht mehr im Prüfprotokoll',
  'account.no_faces': 'Für dieses Konto ist kein Gesicht registriert.',
  'account.add_face': 'Gesicht neu erfassen',
  'account.add_face_hint':
    'Nimmt mit der Kamera neue Bilder auf und fügt sie Ihrem Gesicht hinzu, sobald sie dazu passen. Das hilft, wenn Sie heute anders aussehen als bei der Registrierung.',
  'account.signins_heading': 'Ihre letzten Anmeldungen',
  'account.when': 'Wann',
  'account.client': 'Anwendung',
  'account.result': 'Ergebnis',
  'account.ip': 'IP-Adresse',
  'account.this_page': 'Diese Seite',
  'account.accepted': 'Angemeldet',
  'account.refused': 'Abgelehnt ({reason})',
  'account.no_signins': 'Es ist noch keine Anmeldung verzeichnet.',
  'account.data_heading': 'Ihre Daten',
  'account.data_lead':
    'Laden Sie alles, was über Sie gespeichert ist, als JSON-Datei herunter: Ihr Konto, die Angaben zu Ihren Gesichtsvorlagen und das Prüfprotokoll Ihrer Anmeldungen und Registrierungen.',
  'account.with_embeddings': 'Die Gesichtsvorlagen selbst mitliefern (Zahlenreihen)',
  'account.download': 'Meine Daten herunterladen',
  'account.delete_heading': 'Ihr Gesicht löschen',
  'account.delete_lead':
    'Entfernt alle für Sie gespeicherten Gesichtsvorlagen und meldet Sie überall ab. Danach können Sie sich erst nach einer neuen Registrierung wieder mit Ihrem Gesicht anmelden.',
  'account.delete_face': 'Mein Gesicht löschen …',
  'account.delete_title': 'Ihr Gesicht löschen?',
  'account.delete_confirm_lead': 'Das lässt sich nicht rückgängig machen. Sobald Sie bestätigen:',
  'account.delete_consequence_templates': 'werden alle Gesichtsvorlagen Ihres Kontos gelöscht;',
  'account.delete_consequence_sessions':
    'werden Sie bei allen Anwendungen abgemeldet, und deren Sitzungen und Tokens verlieren ihre Gültigkeit;',
  'account.delete_consequence_enrol':
    'können Sie sich erst nach einem neuen Registrierungslink vom Betreiber wieder mit Ihrem Gesicht anmelden;',
  'account.delete_consequence_kept':
    'bleiben Ihr Name und Ihre E-Mail-Adresse erhalten, und das Prüfprotokoll bewahrt seine Einträge für seine Aufbewahrungsfrist.',
  'account.delete_cancel': 'Gesicht behalten',
  'account.delete_confirm': 'Mein Gesicht löschen',
  'account.deleted_title': 'Ihr Gesicht ist gelöscht',
  'account.deleted_templates#one': '{count} Gesichtsvorlage wurde gelöscht.',
  'account.deleted_templates#other': '{count} Gesichtsvorlagen wurden gelöscht.',
  'account.deleted_signed_out': 'Sie sind bei allen Anwendungen abgemeldet.',
  'account.deleted_enrol_again':
    'Um sich wieder mit Ihrem Gesicht anzumelden, bitten Sie den Betreiber um einen neuen Registrierungslink.',
  'account.signed_out':
    'Ihre Sitzung auf dieser Seite ist abgelaufen. Öffnen Sie Ihre Kontoseite erneut und melden Sie sich mit Ihrem Gesicht an.',
  'account.sign_in_failed':
    'Die Anmeldung bei Ihrer Kontoseite konnte nicht abgeschlossen werden. Öffnen Sie Ihre Kontoseite erneut und melden Sie sich mit Ihrem Gesicht an.',
  'account.sign_in_cancelled':
    'Die Anmeldung bei Ihrer Kontoseite wurde abgebrochen oder abgelehnt. Öffnen Sie Ihre Kontoseite erneut, um es noch einmal zu versuchen.',
  'account.consent_heading': 'Ihre Einwilligung',
  'account.consent_given': 'Sie haben am {date} in Version {version} der Richtlinie eingewilligt.',
  'account.consent_on_enrolment': 'Erteilt auf der Registrierungsseite.',
  'account.consent_at_sign_in': 'Bei einer Anmeldung erneut erteilt, nachdem sich die Richtlinie geändert hatte.',
  'account.consent_by_operator': 'Vom Betreiber festgehalten, der Sie aus Fotos registriert hat: {statement}',
  'account.no_consent':
    'Es ist keine Einwilligung verzeichnet: Ihr Gesicht wurde registriert, bevor facegate danach fragte.',
  'account.gone': 'Dieses Konto existiert nicht mehr.',
  'account.no_face':
    'Für dieses Konto ist kein Gesicht registriert: Bitten Sie den Betreiber um einen Registrierungslink.',

  // Passkeys (Issue 16): neben dem Gesicht auf der Anmeldeseite, nach dem Gesicht bei der Registrierung angeboten.
  'passkey.other_way': 'Stattdessen einen Passkey verwenden',
  'passkey.other_way_hint':
    'Ein Passkey, den Sie nach der Registrierung Ihres Gesichts hinzugefügt haben: auf diesem Gerät, einem Telefon in der Nähe oder einem Sicherheitsschlüssel.',
  'passkey.second_step': 'Diese Anwendung verlangt Ihr Gesicht und danach Ihren Passkey.',
  'passkey.use': 'Meinen Passkey verwenden',
  'passkey.offer_title': 'Einen Passkey hinzufügen (freiwillig)',
  'passkey.offer_lead':
    'Mit einem Passkey können Sie sich anmelden, wenn die Kamera nicht geht, und Anwendungen, die mehr verlangen, können Gesicht und Passkey zusammen prüfen. Diese Seite kann in den nächsten 10 Minuten einen hinzufügen.',
  'passkey.add': 'Passkey hinzufügen',
  'passkey.refused':
    'Dieser Passkey wurde nicht angenommen. Versuchen Sie es erneut oder verwenden Sie einen anderen Passkey Ihres Kontos.',
  'passkey.other_account':
    'Dieser Passkey gehört zu einem anderen Konto als das eben erkannte Gesicht. Verwenden Sie Ihren eigenen Passkey.',
  'passkey.start_again':
    'Diese Passkey-Anfrage ist abgelaufen oder wurde schon beantwortet. Drücken Sie die Schaltfläche, um neu zu beginnen.',
  'passkey.exists': 'Dieser Passkey ist bereits registriert.',
  'passkey.grant_invalid':
    'Von dieser Seite kann kein Passkey mehr hinzugefügt werden: Sie kann einen einzigen hinzufügen, innerhalb von 10 Minuten nach der Registrierung Ihres Gesichts.',
  'passkey.not_offered': 'Für diese Anmeldung wird kein Passkey angenommen: Die Anwendung verlangt Ihr Gesicht.',
  'passkey.not_face':
    'Diese Anwendung verlangt einen Passkey, nicht Ihr Gesicht: Drücken Sie „Stattdessen einen Passkey verwenden“.',
  'passkey.face_first': 'Zeigen Sie zuerst Ihr Gesicht: Diese Anwendung verlangt Ihr Gesicht und danach Ihren Passkey.',
  'passkey.face_done': 'Ihr Gesicht wurde erkannt. Verwenden Sie jetzt Ihren Passkey, um die Anmeldung abzuschließen.',
  'passkey.account_heading': 'Ihre Passkeys',
  'passkey.account_added': 'Hinzugefügt am {date}',
  'passkey.account_last_used': 'Zuletzt verwendet am {date}',
  'passkey.account_never_used': 'Noch nicht verwendet',
  'passkey.account_remove': 'Diesen Passkey entfernen',
  'passkey.account_none': 'Für Ihr Konto ist kein Passkey registriert.',
  'passkey.account_hint':
    'Wenn Sie Ihr Gesicht löschen, bleiben Ihre Passkeys: Entfernen Sie sie hier. Ein Passkey wird auf der Registrierungsseite hinzugefügt, direkt nach Ihrem Gesicht.',
  'passkey.script.waiting': 'Folgen Sie der Aufforderung Ihres Browsers, um Ihren Passkey zu verwenden …',
  'passkey.script.creating': 'Folgen Sie der Aufforderung Ihres Browsers, um Ihren Passkey zu erstellen …',
  'passkey.script.checking': 'Ihr Passkey wird geprüft …',
  'passkey.script.accepted': 'Passkey angenommen. Sie werden angemeldet …',
  'passkey.script.added': 'Ihr Passkey ist hinzugefügt. Sie können sich damit anmelden, wenn die Kamera nicht geht.',
  'passkey.script.cancelled':
    'Die Passkey-Abfrage wurde geschlossen. Drücken Sie die Schaltfläche, um es erneut zu versuchen.',
  'passkey.script.unsupported':
    'Dieser Browser kann keine Passkeys verwenden. Versuchen Sie ein aktuelles Chrome, Edge, Firefox oder Safari.',
};
