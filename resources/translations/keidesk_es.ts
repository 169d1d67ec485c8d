<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <location filename="../../keidesk/gui/case_list/dashboard.py" line="+37"/>
        <source>Show these cases in the list</source>
        <translation>Mostrar estos casos en la lista</translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../../keidesk/gui/case_list/panel.py" line="+155"/>
        <location line="+235"/>
        <source>Show all cases</source>
        <translation>Mostrar todos los casos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All cases</source>
        <translation>Todos los casos</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../keidesk/gui/packets/stage_packets.py" line="+110"/>
        <source>Counting cases…</source>
        <translation>Contando casos…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../keidesk/gui/case_list/panel.py" line="-22"/>
        <location filename="../../keidesk/gui/data/backup_dialog.py" line="+318"/>
        <source>{count} cases</source>
        <translation>{count} casos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Needs attention</source>
        <translation>Requieren atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by stage</source>
        <translation>Casos por etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipments</source>
        <translation>Envíos</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/view.py" line="+37"/>
        <source>Overdue and pending</source>
        <extracomment>The snooze choices: label and how many days.</extracomment>
        <translation>Vencido y pendiente</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/panel.py" line="+32"/>
        <location filename="../../keidesk/gui/agenda/view.py" line="+2"/>
        <source>Today</source>
        <extracomment>How many of today&apos;s items the panel lists (the agenda tab has them all).</extracomment>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/view.py" line="+2"/>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../../keidesk/gui/shell/desk.py" line="+205"/>
        <source>Agenda</source>
        <extracomment>Modules the desk imports on first use, loaded ahead once the first page is shown. How long the start waits for the first page before doing the rest anyway (a failed read). How many problems &quot;Check database…&quot; lists before saying how many more there are.</extracomment>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days ahead</source>
        <translation>Días hacia adelante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export to a calendar file (.ics)…</source>
        <translation>Exportar a un archivo de calendario (.ics)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep a calendar file up to date…</source>
        <translation>Mantener al día un archivo de calendario…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop updating the calendar file</source>
        <translation>Dejar de actualizar el archivo de calendario</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today and the next</source>
        <translation>Hoy y los próximos</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../keidesk/gui/case_list/model.py" line="+159"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+106"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+40"/>
        <source>Case</source>
        <extracomment>Cases counted with the first page; beyond, the list shows &quot;1,000+&quot; until the exact count. Its cost is the rows read to find that many: a rare two-letter search reads ~30,000 rows for 1,000 matches (a few ms), where 10,000 cost ten times that on every keystroke. The exact count starts once the filter stayed this long (ms): typing never waits for it. What a row shows while its page is on its way. The roles the list answers.
----------
The case list&apos;s sort keys (services.cases.SORT_COLUMNS) in words: its columns&apos; titles.</extracomment>
        <translation>Caso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Snooze</source>
        <translation>&amp;Posponer</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+130"/>
        <source>&amp;Handled</source>
        <translation>&amp;Atendido</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Take this item off the agenda</source>
        <translation>Quitar este elemento de la agenda</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No cases yet. Add the first truck with File → New case… ({keys}).</source>
        <translation>Aún no hay casos. Agregue el primer camión con Archivo → Nuevo caso… ({keys}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing on the agenda. Well done.</source>
        <translation>Nada en la agenda. ¡Bien hecho!</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{shown} items shown; {more:,} more of the same kinds are not listed.</source>
        <translation>Se muestran {shown} elementos; otros {more:,} de los mismos tipos no aparecen en la lista.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 item.</source>
        <translation>1 elemento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} items.</source>
        <translation>{count} elementos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Updating the calendar file {path}</source>
        <translation>Actualizando el archivo de calendario {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export due dates, ETAs and eligibility dates to a calendar</source>
        <translation>Exportar fechas límite, ETA y fechas de elegibilidad a un calendario</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Snooze: </source>
        <translation>Posponer: </translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_list/model.py" line="+1"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+1"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+1"/>
        <source>Chassis number</source>
        <translation>Número de chasis</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+1"/>
        <source>Make / model</source>
        <translation>Marca / modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="-2"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+2"/>
        <source>Built</source>
        <translation>Fabricado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+14"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+1"/>
        <source>FMVSS eligible</source>
        <translation>Elegible FMVSS</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="-11"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+1"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+81"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="-52"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+1"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next action</source>
        <translation>Siguiente paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+1"/>
        <source>Days in stage</source>
        <translation>Días en la etapa</translation>
    </message>
    <message>
        <location line="+108"/>
        <location line="+121"/>
        <source>Reading the case list…</source>
        <extracomment>The count shown changed (the exact count arrived after &quot;1,000+&quot;). Cases counted with the first page (beyond: &quot;1,000+&quot; until the exact count). How long the list must stay on one filter before the exact count starts (ms). The first and last positions of every page read for the query shown (small: two keys a page), so a page next to one read before is read after or before it. The query the rows shown belong to (its count and pages). The overdue step of each case read (the one due longest ago), by case id.</extracomment>
        <translation>Leyendo la lista de casos…</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Counting the cases…</source>
        <translation>Contando los casos…</translation>
    </message>
    <message>
        <location line="+176"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="+83"/>
        <location line="+27"/>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>1 day overdue: {step}</source>
        <translation>1 día de retraso: {step}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{days} days overdue: {step}</source>
        <translation>{days} días de retraso: {step}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{step} was due on {date}, 1 day ago.</source>
        <translation>{step} vencía el {date}, hace 1 día.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{step} was due on {date}, {days} days ago.</source>
        <translation>{step} vencía el {date}, hace {days} días.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other overdue steps: {count}.</source>
        <translation>Otros pasos vencidos: {count}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A step of this case is blocked; open it to see why.</source>
        <translation>Un paso de este caso está bloqueado; ábralo para ver por qué.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Eligible now under the 25-year rule (since {date}).</source>
        <translation>Elegible ya bajo la regla de 25 años (desde el {date}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not yet 25 years old: eligible in {days} days ({date}).</source>
        <translation>Aún no tiene 25 años: será elegible en {days} días ({date}).</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_list/panel.py" line="-244"/>
        <source>Search chassis number, customer, model, notes…</source>
        <extracomment>How long typing must pause before the list is searched (ms): fast enough to feel live, slow enough not to query on every key of a quickly typed word.</extracomment>
        <translation>Buscar chasis, cliente, modelo, notas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search cases</source>
        <translation>Buscar casos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All stages</source>
        <translation>Todas las etapas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any eligibility</source>
        <translation>Toda elegibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligible now</source>
        <translation>Elegibles ya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Within 90 days</source>
        <translation>En 90 días o menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet eligible</source>
        <translation>Aún no elegibles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No build date</source>
        <translation>Sin fecha de fabricación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Blocked only</source>
        <translation>Solo &amp;bloqueados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>search {value!r}</source>
        <translation>búsqueda {value!r}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stage {value!r}</source>
        <translation>etapa {value!r}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>state {value!r}</source>
        <translation>estado {value!r}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>eligibility {value!r}</source>
        <translation>elegibilidad {value!r}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blocked only</source>
        <translation>solo bloqueados</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>all cases</source>
        <translation>todos los casos</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{count}+ cases</source>
        <translation>{count}+ casos</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_list/dashboard.py" line="-11"/>
        <location filename="../../keidesk/gui/case_list/panel.py" line="+2"/>
        <location filename="../../keidesk/gui/data/backup_dialog.py" line="+0"/>
        <source>{count} case</source>
        <translation>{count} caso</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_list/panel.py" line="+5"/>
        <source>with overdue steps</source>
        <translation>con pasos vencidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at sea</source>
        <translation>en el mar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at port, awaiting release</source>
        <translation>en puerto, por liberar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Create your first case…</source>
        <translation>Crear su primer caso…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No case matches these filters.</source>
        <translation>Ningún caso coincide con estos filtros.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No cases yet. A case is one truck: record it by its chassis number, then walk it through its steps.</source>
        <translation>Todavía no hay casos. Un caso es un camión: regístrelo por su número de chasis y luego llévelo paso a paso.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Save current view…</source>
        <translation>Guardar la vista actual…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete view</source>
        <translation>Eliminar vista</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save view</source>
        <translation>Guardar vista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of this view:</source>
        <translation>Nombre de esta vista:</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/attach_dialog.py" line="+61"/>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="+332"/>
        <source>(the case as a whole)</source>
        <translation>(el caso en general)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="+269"/>
        <source>Attach documents</source>
        <translation>Adjuntar documentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is each file? The kind is guessed from the file name; check it.</source>
        <translation>¿Qué es cada archivo? El tipo se deduce del nombre del archivo; revíselo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is this file? The kind is guessed from the file name; check it.</source>
        <translation>¿Qué es este archivo? El tipo se deduce del nombre del archivo; revíselo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="-498"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+42"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../keidesk/gui/case_workspace/costs_panel.py" line="+132"/>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="+479"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+2"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+9"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+1"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Kind of {name}</source>
        <translation>Tipo de {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step of {name}</source>
        <translation>Paso de {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title of {name}</source>
        <translation>Título de {name}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{path}
The name does not say what this is: choose its kind.</source>
        <translation>{path}
El nombre no dice qué es: elija su tipo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Attach</source>
        <translation>&amp;Adjuntar</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="-428"/>
        <location line="+12"/>
        <source>Packet made by keidesk</source>
        <translation>Paquete generado por keidesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(the case)</source>
        <translation>(el caso)</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+53"/>
        <source>Select a document to preview it.</source>
        <translation>Seleccione un documento para verlo.</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+645"/>
        <source>The stored file is missing. Restore a backup of the data folder.</source>
        <translation>Falta el archivo guardado. Restaure una copia de seguridad de la carpeta de datos.</translation>
    </message>
    <message>
        <location line="-636"/>
        <source>This picture cannot be shown: the file may be damaged.</source>
        <translation>No se puede mostrar esta imagen: el archivo puede estar dañado.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No preview for this kind of file. Use Open to view it.</source>
        <translation>No hay vista previa para este tipo de archivo. Use Abrir para verlo.</translation>
    </message>
    <message>
        <location line="+50"/>
        <location filename="../../keidesk/gui/rules/browser.py" line="+151"/>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Attach files…</source>
        <translation>Ad&amp;juntar archivos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach scans and photos; you say what each one is.</source>
        <translation>Adjunte escaneos y fotos; usted indica qué es cada uno.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/view.py" line="-138"/>
        <location line="+135"/>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="+2"/>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="+2"/>
        <source>Re&amp;name…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename the selected paper (F2)</source>
        <translation>Cambiar el nombre del documento seleccionado (F2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Kind</source>
        <translation>T&amp;ipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what the selected paper is</source>
        <translation>Indicar qué es el documento seleccionado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Step</source>
        <translation>&amp;Paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File the selected paper under another step</source>
        <translation>Archivar el documento seleccionado en otro paso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected paper in the trash (Delete)</source>
        <translation>Enviar el documento seleccionado a la papelera (Supr)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+112"/>
        <source>&amp;Trash</source>
        <translation>Pape&amp;lera</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Show the papers in the trash, to restore them</source>
        <translation>Mostrar los documentos de la papelera, para restaurarlos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;estore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the selected paper out of the trash</source>
        <translation>Sacar el documento seleccionado de la papelera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty trash…</source>
        <translation>Vaciar papelera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the papers in the trash for good</source>
        <translation>Eliminar definitivamente los documentos de la papelera</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Drop scans and photos here to attach them.</source>
        <translation>Suelte aquí escaneos y fotos para adjuntarlos.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Reading the trash…</source>
        <translation>Leyendo la papelera…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>← &amp;Back to the papers</source>
        <translation>← Volver a los docu&amp;mentos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Trash ({count})</source>
        <translation>Pape&amp;lera ({count})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The trash is empty.</source>
        <translation>La papelera está vacía.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The trash&lt;/b&gt;: these papers are not part of the case any more. Restore one to bring it back, or empty the trash to delete them for good.</source>
        <translation>&lt;b&gt;La papelera&lt;/b&gt;: estos documentos ya no forman parte del caso. Restaure uno para recuperarlo, o vacíe la papelera para eliminarlos definitivamente.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/panel.py" line="+12"/>
        <location line="+33"/>
        <source>Open the agenda</source>
        <translation>Abrir la agenda</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Nothing late or due today.</source>
        <translation>Nada atrasado ni con vencimiento hoy.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="+108"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the agenda ({count:,} more)</source>
        <translation>Abrir la agenda ({count:,} más)</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/documents_panel.py" line="-476"/>
        <source>{name} image</source>
        <extracomment>What a file is, as a person calls it (not its MIME type).</extracomment>
        <translation>Imagen {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} file</source>
        <translation>Archivo {name}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{title}: {kind}
{name} ({type}, {size}), added by {who} on {when}</source>
        <translation>{title}: {kind}
{name} ({type}, {size}), agregado por {who} el {when}</translation>
    </message>
    <message>
        <location line="+430"/>
        <location filename="../../keidesk/gui/data/backup_dialog.py" line="-136"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…	F2</source>
        <translation>Cambiar nombre…	F2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to step</source>
        <translation>Mover al paso</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove to the trash	Del</source>
        <translation>Enviar a la papelera	Supr</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scans and photos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.heic);;All files (*)</source>
        <translation>Escaneos y fotos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.heic);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>1 paper attached.</source>
        <translation>1 documento adjunto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} papers attached.</source>
        <translation>{count} documentos adjuntos.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attaching documents…</source>
        <translation>Adjuntando documentos…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Rename document</source>
        <translation>Cambiar el nombre del documento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Renamed to “{title}”.</source>
        <translation>Nuevo nombre: “{title}”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renaming…</source>
        <translation>Cambiando el nombre…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>“{title}” is now a {kind}</source>
        <translation>“{title}” ahora es: {kind}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>the case as a whole</source>
        <translation>el caso en general</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>, filed under {step}.</source>
        <translation>, archivado en {step}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changing the kind…</source>
        <translation>Cambiando el tipo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{title}” is now filed under {step}.</source>
        <translation>“{title}” ahora está archivado en {step}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Moving the document…</source>
        <translation>Moviendo el documento…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{title}” is in the trash. &lt;a href=&apos;undo&apos;&gt;Undo&lt;/a&gt;</source>
        <translation>“{title}” está en la papelera. &lt;a href=&apos;undo&apos;&gt;Deshacer&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Removing the document…</source>
        <translation>Quitando el documento…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>“{title}” is back with the case&apos;s papers.</source>
        <translation>“{title}” volvió a los documentos del caso.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restoring the document…</source>
        <translation>Restaurando el documento…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete “{title}”, the one paper in the trash, for good? This cannot be undone.</source>
        <translation>¿Eliminar definitivamente “{title}”, el único documento de la papelera? No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the {count} papers in the trash for good? This cannot be undone.</source>
        <translation>¿Eliminar definitivamente los {count} documentos de la papelera? No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Empty trash</source>
        <translation>Vaciar papelera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete for good</source>
        <translation>Eliminar definitivamente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep them</source>
        <translation>Conservarlos</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>1 paper deleted for good.</source>
        <translation>1 documento eliminado definitivamente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} papers deleted for good.</source>
        <translation>{count} documentos eliminados definitivamente.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Emptying the trash…</source>
        <translation>Vaciando la papelera…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/field_hints.py" line="+39"/>
        <source>{number}: a 17-character VIN</source>
        <translation>{number}: un VIN de 17 caracteres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type the chassis (frame) number from the export certificate.</source>
        <translation>Escriba el número de chasis (bastidor) del certificado de exportación.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../keidesk/gui/case_workspace/new_case.py" line="+180"/>
        <source>Read as {date}</source>
        <translation>Leído como {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(in the future)</source>
        <translation>(en el futuro)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{state}: {path} today; {change}</source>
        <translation>{state}: {path} hoy; {change}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{state}: {path}</source>
        <translation>{state}: {path}</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/history_panel.py" line="+84"/>
        <source>Reading the history…</source>
        <translation>Leyendo el historial…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/new_case.py" line="-140"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+86"/>
        <source>New case</source>
        <translation>Nuevo caso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. DA52T-123456 (as on the export certificate)</source>
        <translation>p. ej. DA52T-123456 (como en el certificado de exportación)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open existing case</source>
        <translation>&amp;Abrir el caso existente</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="-133"/>
        <source>1999-03, H11.3, 平成11年3月</source>
        <extracomment>The case with the chassis number typed, if one is on file; with ``open_existing`` the dialog was closed to open it.</extracomment>
        <translation>1999-03, H11.3, 平成11年3月</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>初度登録年月, e.g. H11.4</source>
        <translation>初度登録年月, p. ej. H11.4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>two letters, e.g. TX (default: the customer&apos;s)</source>
        <translation>dos letras, p. ej. TX (por omisión: el del cliente)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Chassis number</source>
        <translation>Número de &amp;chasis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Built</source>
        <translation>&amp;Fabricado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First registered</source>
        <translation>&amp;Primer registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ustomer</source>
        <translation>C&amp;liente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Destination state</source>
        <translation>Estado de &amp;destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ETA</source>
        <translation>&amp;ETA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Create case</source>
        <translation>Crear caso</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{chassis} is already case {number}.</source>
        <translation>{chassis} ya es el caso {number}.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>ETA: {reason}</source>
        <translation>ETA: {reason}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Creating the case…</source>
        <translation>Creando el caso…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/step_reason.py" line="+28"/>
        <source>Mark {step} done without its papers?</source>
        <translation>¿Marcar {step} como hecho sin sus documentos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These papers for &lt;b&gt;{step}&lt;/b&gt; are not on file:</source>
        <translation>Estos documentos de &lt;b&gt;{step}&lt;/b&gt; no están en el expediente:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach them in the Documents tab, or say briefly why the step is done without</source>
        <translation>Adjúntelos en la pestaña Documentos, o explique brevemente por qué el paso se da por hecho sin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>them (the history keeps the reason).</source>
        <translation>ellos (el historial guarda el motivo).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. the customer keeps the original title</source>
        <translation>p. ej. el cliente se queda con el título original</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../keidesk/gui/case_workspace/workflow_panel.py" line="+136"/>
        <source>Mark &amp;done</source>
        <translation>&amp;Marcar como hecho</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/workflow_panel.py" line="-73"/>
        <source>{count} of {total} paper on file</source>
        <translation>{count} de {total} documento en el expediente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} of {total} papers on file</source>
        <translation>{count} de {total} documentos en el expediente</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>due {date}</source>
        <translation>vence el {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(overdue)</source>
        <translation>(vencido)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>done with a reason</source>
        <translation>hecho con un motivo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Workflow steps</source>
        <translation>Pasos del trámite</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Block</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not applicable</source>
        <translation>&amp;No aplica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reopen</source>
        <translation>&amp;Reabrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save note &amp;&amp; due da&amp;te</source>
        <translation>&amp;Guardar nota y fecha límite</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>Due date: {reason}</source>
        <translation>Fecha límite: {reason}</translation>
    </message>
    <message>
        <location line="-144"/>
        <location filename="../../keidesk/gui/data/bundle_dialog.py" line="+72"/>
        <source>Status</source>
        <extracomment>After a step is finished here, the next open one is selected when the case is shown.
----------
A step&apos;s compared parts, in words.</extracomment>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last change</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/data/bundle_dialog.py" line="+2"/>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/costs_panel.py" line="-31"/>
        <source>e.g. 1,250.00 or ¥185,000</source>
        <translation>p. ej. 1,250.00 o ¥185,000</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yen per US dollar, e.g. 151.37</source>
        <translation>yenes por dólar estadounidense, p. ej. 151.37</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The exchange rate used on the day the yen were paid</source>
        <translation>El tipo de cambio del día en que se pagaron los yenes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>today when empty, or e.g. 12/20/2026</source>
        <translation>hoy si se deja vacío, o p. ej. 12/20/2026</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add cost</source>
        <translation>A&amp;gregar costo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take over the duty &amp;estimate</source>
        <translation>Tomar la estimación de a&amp;ranceles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the case&apos;s estimated duty (with Section 232), MPF and HMF as costs</source>
        <translation>Registrar como costos el arancel estimado del caso (con la Sección 232), el MPF y el HMF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove cost</source>
        <translation>&amp;Quitar costo</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+109"/>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid on</source>
        <translation>Pagado el</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../keidesk/gui/case_workspace/workflow_panel.py" line="+1"/>
        <location filename="../../keidesk/gui/data/bundle_dialog.py" line="-1"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Reading the costs…</source>
        <translation>Leyendo los costos…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Landed cost: &lt;b&gt;{cost}&lt;/b&gt; (1 cost, in US dollars)</source>
        <translation>Costo puesto en destino: &lt;b&gt;{cost}&lt;/b&gt; (1 costo, en dólares)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Landed cost: &lt;b&gt;{cost}&lt;/b&gt; ({count} costs, in US dollars)</source>
        <translation>Costo de importación: &lt;b&gt;{cost}&lt;/b&gt; ({count} costos, en dólares estadounidenses)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sale price: not recorded (Customer, state and notes tab)</source>
        <translation>Precio de venta: sin registrar (pestaña Cliente, estado y notas)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sale price {sale} · margin &lt;b style=&apos;color:{colour}&apos;&gt;{margin}&lt;/b&gt; ({pct}%)</source>
        <translation>Precio de venta {sale} · margen &lt;b style=&apos;color:{colour}&apos;&gt;{margin}&lt;/b&gt; ({pct}%)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Saving the cost…</source>
        <translation>Guardando el costo…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Recording the duty estimate…</source>
        <translation>Registrando la estimación de aranceles…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove the cost {kind} of {amount} paid {day}?</source>
        <translation>¿Quitar el costo {kind} de {amount} pagado el {day}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove cost</source>
        <translation>Quitar costo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Removing the cost…</source>
        <translation>Quitando el costo…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/workflow_panel.py" line="+5"/>
        <source>Papers</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason given</source>
        <translation>Motivo indicado</translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+48"/>
        <source>Not on file: {papers}</source>
        <translation>Falta en el expediente: {papers}</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>(not yet changed)</source>
        <translation>(sin cambios aún)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No documents filed under this step (attach them in the Documents tab).</source>
        <translation>No hay documentos archivados en este paso (adjúntelos en la pestaña Documentos).</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Saving the step…</source>
        <translation>Guardando el paso…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not marked done: papers are missing and no reason was given.</source>
        <translation>No se marcó como hecho: faltan documentos y no se indicó un motivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not possible yet: {reason}</source>
        <translation>Todavía no es posible: {reason}</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_workspace/workspace.py" line="+87"/>
        <source>edit {field}</source>
        <extracomment>Fields the header line shows (it follows them as they are typed).</extracomment>
        <translation>editar {field}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Enter the build date or the first registration date to see eligibility.</source>
        <translation>Escriba la fecha de fabricación o la de primer registro para ver la elegibilidad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>eligible</source>
        <translation>elegible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in {days} days</source>
        <translation>en {days} días</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Counted from the {basis} date {date}, checked on {on}.</source>
        <translation>Contado desde la fecha de {basis} {date}, revisado el {on}.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&amp;Workflow</source>
        <translation>&amp;Flujo de trabajo</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Vehic&amp;le</source>
        <translation>Ve&amp;hículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ustomer, state &amp;&amp; notes</source>
        <translation>C&amp;liente, estado y notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sh&amp;ipping &amp;&amp; customs</source>
        <translation>Envío y a&amp;duana</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;ocuments</source>
        <translation>D&amp;ocumentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Costs &amp;&amp; &amp;margin</source>
        <translation>Cos&amp;tos y margen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histor&amp;y</source>
        <translation>Hi&amp;storial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document packet…</source>
        <translation>Paquete de documentos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build, preview, print or save this case&apos;s packets</source>
        <translation>Generar, ver, imprimir o guardar los paquetes de este caso</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Acknowledge rule change</source>
        <translation>Confirmar cambio de regla</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opening case…</source>
        <translation>Abriendo el caso…</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Eligibility</source>
        <translation>Elegibilidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kei class</source>
        <translation>Clase kei</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Registration in the destination state</source>
        <translation>Registro en el estado de destino</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duty and landed cost (estimate)</source>
        <translation>Arancel y costo de importación (estimado)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Reading {number}…</source>
        <translation>Leyendo {number}…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>make unknown</source>
        <translation>marca desconocida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>built {date}</source>
        <translation>fabricado {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no customer yet</source>
        <translation>sin cliente aún</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stage: {stage}</source>
        <translation>etapa: {stage}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Duty {duty}, Section 232 {s232}, MPF {mpf}, HMF {hmf}</source>
        <translation>Arancel {duty}, Sección 232 {s232}, MPF {mpf}, HMF {hmf}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total duty and fees: &lt;b&gt;{total}&lt;/b&gt;</source>
        <translation>Total de aranceles y cargos: &lt;b&gt;{total}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Landed cost (value, duty, fees and freight): &lt;b&gt;{cost}&lt;/b&gt;</source>
        <translation>Costo de importación (valor, aranceles, cargos y flete): &lt;b&gt;{cost}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Purchase price: {price}</source>
        <translation>Precio de compra: {price}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the customs value to estimate duty and landed cost.</source>
        <translation>Escriba el valor en aduana para estimar el arancel y el costo de importación.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Correct the dates above to see eligibility.</source>
        <translation>Corrija las fechas de arriba para ver la elegibilidad.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Acknowledging the rule change…</source>
        <translation>Confirmando el cambio de regla…</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Saving {number}…</source>
        <translation>Guardando {number}…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a moment ago</source>
        <translation>hace un momento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} was changed by {who} at {when} while you were editing it: {fields}.

Nothing of yours was saved yet. Reload shows their version of these fields (your other edits stay, to save). Keep mine saves your version over theirs.</source>
        <translation>{who} cambió {number} a las {when} mientras usted lo editaba: {fields}.

Todavía no se guardó nada suyo. Recargar muestra la versión de la otra persona para estos campos (sus demás cambios se conservan, para guardarlos). Conservar los míos guarda su versión sobre la de la otra persona.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed by someone else</source>
        <translation>Otra persona lo cambió</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="-47"/>
        <source>Keep mine</source>
        <translation>Conservar los míos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/data/backup_dialog.py" line="-135"/>
        <source>Choose a backup: a .keidesk-backup file, the backup.json in a backup folder, or a database file</source>
        <extracomment>A backup is chosen as its one file, by its ``backup.json`` (inside the backup folder) or as a database file. A backup written as one file.</extracomment>
        <translation>Elija una copia de seguridad: un archivo .keidesk-backup, el backup.json de una carpeta de copia, o un archivo de base de datos</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replace everything in keidesk with the backup in {source}?

The backup is checked first. The current database is kept aside, so you can undo this restore.</source>
        <translation>¿Reemplazar todo lo que hay en keidesk por la copia de seguridad de {source}?

Primero se revisa la copia. La base de datos actual se guarda aparte, para que pueda deshacer esta restauración.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Backed up {cases} cases and {files} attachments to {path} (checked: {check}).</source>
        <extracomment>No argument: ``busy`` says which. (A bool carried by a signal to a Python slot lost a reference to True/False each time in PySide6 on Python 3.11, which aborted the process at exit after enough backups.)</extracomment>
        <translation>Se copiaron {cases} casos y {files} archivos adjuntos a {path} (revisión: {check}).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restored {source} ({cases} cases). The database it replaced is kept aside; File → Backup → Undo last restore brings it back.</source>
        <translation>Se restauró {source} ({cases} casos). La base de datos reemplazada se guarda aparte; Archivo → Copia de seguridad → Deshacer la última restauración la recupera.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+15"/>
        <location line="+19"/>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Choose a folder or drive for the backup</source>
        <translation>Elija una carpeta o unidad para la copia de seguridad</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save the backup as one file</source>
        <translation>Guardar la copia de seguridad como un solo archivo</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../../keidesk/gui/shell/recovery.py" line="+87"/>
        <location line="+8"/>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restoring…</source>
        <translation>Restaurando…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put back the database as it was before the last restore?</source>
        <translation>¿Volver a poner la base de datos como estaba antes de la última restauración?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>Undo last restore</source>
        <translation>Deshacer la última restauración</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Undo the restore</source>
        <translation>Deshacer la restauración</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undoing the restore…</source>
        <translation>Deshaciendo la restauración…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/data/backup_reminder.py" line="+54"/>
        <source>Back up to folder…</source>
        <translation>Copiar a una carpeta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up to one file…</source>
        <translation>Copiar a un solo archivo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One .keidesk-backup file, e.g. on a USB stick; restore it from here</source>
        <translation>Un solo archivo .keidesk-backup, p. ej. en una memoria USB; restáurelo desde aquí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from backup…</source>
        <translation>Restaurar desde una copia…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../keidesk/gui/data/bundle_dialog.py" line="+248"/>
        <location filename="../../keidesk/gui/data/import_dialog.py" line="+581"/>
        <location filename="../../keidesk/gui/packets/packet_dialog.py" line="+158"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Backups on this computer, newest first (daily and closing backups are rotated; manual ones and those kept aside by a restore are always kept):</source>
        <translation>Copias de seguridad en esta computadora, la más reciente primero (las diarias y las de cierre se rotan; las manuales y las que guarda aparte una restauración se conservan siempre):</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last backup: {when}</source>
        <translation>Última copia: {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last backup to another drive: {when}</source>
        <translation>Última copia en otra unidad: {when}</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/data/backup_reminder.py" line="-1"/>
        <location line="+9"/>
        <source>Backup reminder</source>
        <translation>Recordatorio de copia de seguridad</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Today&apos;s automatic backup failed: {reason}</source>
        <translation>Falló la copia de seguridad automática de hoy: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Daily backup…</source>
        <translation>Copia diaria…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Backing up before closing…</source>
        <translation>Haciendo la copia antes de cerrar…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Backing up {database} before closing…
keidesk ends by itself once the backup is made and checked.</source>
        <translation>Haciendo la copia de {database} antes de cerrar…
keidesk se cierra solo cuando la copia esté hecha y comprobada.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/data/bundle_dialog.py" line="-259"/>
        <source>Case details</source>
        <extracomment>The choices offered for an item, in the order shown; &quot;both&quot; first: nothing is lost.</extracomment>
        <translation>Datos del caso</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+19"/>
        <source>Costs (the ledger)</source>
        <translation>Costos (el registro)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Step: {step}</source>
        <translation>Paso: {step}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Import case bundle — {name}</source>
        <translation>Importar lote de casos — {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking {name}…</source>
        <translation>Revisando {name}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case / item</source>
        <translation>Caso / elemento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Here (mine)</source>
        <translation>Aquí (mío)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In the bundle (theirs)</source>
        <translation>En el lote (de la otra persona)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>For every difference:</source>
        <translation>Para cada diferencia:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../keidesk/gui/data/import_dialog.py" line="-363"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../keidesk/gui/data/import_dialog.py" line="+1"/>
        <location filename="../../keidesk/gui/kit/tasks.py" line="+338"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Checking the bundle…</source>
        <translation>Revisando el lote…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name}: {total} case(s) — {new} new, {differing} already here with differences, {same} already here and the same. Choose what to keep for each difference; the history from both sides is kept.</source>
        <translation>{name}: {total} caso(s) — {new} nuevos, {differing} ya están aquí con diferencias, {same} ya están aquí y son iguales. Elija qué conservar en cada diferencia; se guarda el historial de ambas partes.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The database is open read-only: nothing can be imported.</source>
        <translation>La base de datos está abierta en solo lectura: no se puede importar nada.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Keep for {item}</source>
        <translation>Conservar para {item}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{chassis} — new case</source>
        <translation>{chassis} — caso nuevo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{number} {chassis} — already here; {count} difference(s)</source>
        <translation>{number} {chassis} — ya está aquí; {count} diferencia(s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} {chassis} — already here, the same</source>
        <translation>{number} {chassis} — ya está aquí, igual</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Importing the bundle…</source>
        <translation>Importando el lote…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported {name}: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>Se importó {name}: {created} creados, {updated} actualizados, {unchanged} sin cambios.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/data/import_dialog.py" line="-137"/>
        <source>Merged</source>
        <translation>Combinado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Con error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not imported</source>
        <translation>No importado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set aside</source>
        <translation>Apartado</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Row status</source>
        <extracomment>The columns before the sheet&apos;s own: the row&apos;s status, and its problems in words.</extracomment>
        <translation>Situación de la fila</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems and warnings</source>
        <translation>Problemas y advertencias</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(ignored)</source>
        <translation>(omitida)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%n problem(s)</source>
        <translation>%n problema(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already on file</source>
        <translation>Ya registrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Same truck as row %1</source>
        <translation>El mismo camión que la fila %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>Bien</translation>
    </message>
    <message>
        <location line="+56"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+63"/>
        <source>Import cases from a spreadsheet</source>
        <translation>Importar casos desde una hoja de cálculo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A .csv or .xlsx file with one truck per row</source>
        <translation>Un archivo .csv o .xlsx con un camión por fila</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+58"/>
        <location filename="../../keidesk/gui/packets/stage_packets.py" line="-43"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>The first row must name the columns. Dates may be written as on the papers (1999-03, H11.3, 平成11年3月); CSV files may be UTF-8 or Shift-JIS.</source>
        <translation>La primera fila debe nombrar las columnas. Las fechas pueden escribirse como en los documentos (1999-03, H11.3, 平成11年3月); los archivos CSV pueden ser UTF-8 o Shift-JIS.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First values</source>
        <translation>Primeros valores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>keidesk field</source>
        <translation>Campo de keidesk</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Skip trucks already on file</source>
        <translation>Omitir los camiones ya registrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge their rows into the existing cases</source>
        <translation>Combinar sus filas con los casos existentes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Duplicates:</source>
        <translation>Duplicados:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import the rows without problems, and save the rows with problems to:</source>
        <translation>Importar las filas sin problemas y guardar las filas con problemas en:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a .csv or .xlsx file to fix them in</source>
        <translation>un archivo .csv o .xlsx para corregirlas</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Save the rows with problems</source>
        <translation>Guardar las filas con problemas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>Hojas de cálculo (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import cases</source>
        <translation>Importar casos</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose the spreadsheet to import.</source>
        <translation>Elija la hoja de cálculo que va a importar.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the columns as you matched them last time</source>
        <translation>las columnas como las asignó la última vez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a guess from the column names; correct it where it is wrong</source>
        <translation>una suposición a partir de los nombres de las columnas; corríjala donde esté mal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{sheet}: {rows} rows{encoding}. Showing {how}.</source>
        <translation>{sheet}: {rows} filas{encoding}. Se muestra: {how}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(ignore this column)</source>
        <translation>(omitir esta columna)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Checking rows…</source>
        <translation>Revisando las filas…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 rows checked.</source>
        <translation>Filas revisadas: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 row has a problem (marked in red, with the reason beside it). Fix it in the spreadsheet, or ignore its column, and check again; or import the other rows and save this one to a file to fix (below).</source>
        <translation>1 fila tiene un problema (marcada en rojo, con el motivo al lado). Corríjala en la hoja de cálculo, u omita su columna, y revise de nuevo; o importe las demás filas y guarde esta en un archivo para corregirla (abajo).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 rows have problems (marked in red, with the reasons beside them). Fix them in the spreadsheet, or ignore their column, and check again; or import the other rows and save these to a file to fix (below).</source>
        <translation>Filas con problemas: %1 (marcadas en rojo, con los motivos al lado). Corríjalas en la hoja de cálculo, u omita su columna, y revise de nuevo; o importe las demás filas y guarde estas en un archivo para corregirlas (abajo).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 rows are trucks already on file (yellow).</source>
        <translation>Filas de camiones ya registrados (amarillo): %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not imported from any row: %1 (no field chosen for them).</source>
        <translation>No se importó de ninguna fila: %1 (no se eligió un campo para ellas).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Row {line}, {column}: {problem}</source>
        <translation>Fila {line}, {column}: {problem}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported from %1: %2.</source>
        <translation>Importado de %1: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rows with problems are saved in %1, with a column saying what is wrong: fix them there and import that file.</source>
        <translation>Las filas con problemas se guardaron en %1, con una columna que dice qué está mal: corríjalas ahí e importe ese archivo.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/dialogs.py" line="+45"/>
        <location line="+3"/>
        <location line="+28"/>
        <source>keidesk</source>
        <translation>keidesk</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keidesk keeps running. Your saved work is safe; the last action may not have run.</source>
        <translation>keidesk sigue funcionando. Su trabajo guardado está a salvo; puede que la última acción no se haya realizado.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} has unsaved changes. Save them?</source>
        <translation>{what} tiene cambios sin guardar. ¿Guardarlos?</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Open a keidesk database</source>
        <translation>Abrir una base de datos de keidesk</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>keidesk and the office server</source>
        <translation>keidesk y el servidor de la oficina</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What would you like to do?</source>
        <translation>¿Qué desea hacer?</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="-247"/>
        <source>Age check</source>
        <translation>Control de antigüedad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customs</source>
        <translation>Aduana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emissions</source>
        <translation>Emisiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lien clearance</source>
        <translation>Liberación de gravámenes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>Envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State registration</source>
        <translation>Registro estatal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FMVSS 25-year exemption (HS-7 box 1) and EPA code E (21 years).</source>
        <translation>Exención FMVSS de 25 años (HS-7 casilla 1) y código E de la EPA (21 años).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HS-7, EPA 3520-1, CBP 7501/3461, duty and fees, release date.</source>
        <translation>HS-7, EPA 3520-1, CBP 7501/3461, aranceles y cargos, fecha de liberación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Japanese export certificate in the exporter&apos;s name, ownership retention (所有権留保) released, translation; US lien holder and release where the customer finances.</source>
        <translation>Certificado de exportación japonés a nombre del exportador, reserva de dominio (所有権留保) liberada, traducción; acreedor prendario en EE. UU. y liberación cuando el cliente financia.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Original engine confirmed; the destination state&apos;s own rule.</source>
        <translation>Motor original confirmado; la regla propia del estado de destino.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title and registration path in the customer&apos;s state.</source>
        <translation>Título y vía de registro en el estado del cliente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Truck and document packet handed to the customer.</source>
        <translation>Camión y paquete de documentos entregados al cliente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Truck bought at auction, chassis number and papers recorded.</source>
        <translation>Camión comprado en subasta, número de chasis y documentos registrados.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vessel, bill of lading, ETD/ETA, ports.</source>
        <translation>Buque, conocimiento de embarque, ETD/ETA, puertos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blocked: Age check</source>
        <translation>Bloqueado: Control de antigüedad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked: Complete</source>
        <translation>Bloqueado: Completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked: Customs</source>
        <translation>Bloqueado: Aduana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked: Emissions</source>
        <translation>Bloqueado: Emisiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked: Handover</source>
        <translation>Bloqueado: Entrega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked: Intake</source>
        <translation>Bloqueado: Recepción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked: Lien clearance</source>
        <translation>Bloqueado: Liberación de gravámenes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked: Shipping</source>
        <translation>Bloqueado: Envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked: State registration</source>
        <translation>Bloqueado: Registro estatal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book vessel, track ETA</source>
        <translation>Reservar buque, seguir la ETA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear export certificate and liens</source>
        <translation>Liberar certificado de exportación y gravámenes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm 25-year eligibility</source>
        <translation>Confirmar elegibilidad de 25 años</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm emissions for the state</source>
        <translation>Confirmar emisiones para el estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File entry (HS-7, 3520-1, 7501)</source>
        <translation>Presentar la entrada (HS-7, 3520-1, 7501)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over truck and packet</source>
        <translation>Entregar camión y paquete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing: complete</source>
        <translation>Nada: completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record papers and photos</source>
        <translation>Registrar documentos y fotos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title and register</source>
        <translation>Titular y registrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At port, awaiting release</source>
        <translation>En puerto, por liberar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At sea</source>
        <translation>En el mar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked</source>
        <translation>Bloqueados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligible within 90 days</source>
        <translation>Elegibles en 90 días o menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue steps</source>
        <translation>Pasos vencidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auction or exporter invoice</source>
        <translation>Factura de subasta o del exportador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill of lading</source>
        <translation>Conocimiento de embarque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill of sale</source>
        <translation>Factura de venta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CBP Form 3461 entry / immediate delivery</source>
        <translation>Formulario CBP 3461: entrada / entrega inmediata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CBP Form 7501 entry summary</source>
        <translation>Formulario CBP 7501: resumen de entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s ID</source>
        <translation>Identificación del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EPA Form 3520-1 declaration</source>
        <translation>Declaración EPA, formulario 3520-1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export certificate translation</source>
        <translation>Traducción del certificado de exportación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Japanese export certificate (輸出予定届出証明書)</source>
        <translation>Certificado de exportación japonés (輸出予定届出証明書)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lien release</source>
        <translation>Liberación de gravamen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NHTSA HS-7 declaration</source>
        <translation>Declaración NHTSA HS-7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other paper</source>
        <translation>Otro documento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo of the truck</source>
        <translation>Foto del camión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State safety or emissions inspection</source>
        <translation>Inspección estatal de seguridad o emisiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US title</source>
        <translation>Título de EE. UU.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer handover packet</source>
        <translation>Paquete de entrega al cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customs broker packet</source>
        <translation>Paquete para el agente aduanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DMV title and registration packet</source>
        <translation>Paquete de título y registro para el DMV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No road registration</source>
        <translation>Sin registro para circular</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off-road, farm or antique only</source>
        <translation>Solo todoterreno, agrícola o antiguo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restricted kei / mini-truck registration</source>
        <translation>Registro restringido kei / minicamión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard title and registration</source>
        <translation>Título y registro estándar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown (no data)</source>
        <translation>Desconocido (sin datos)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>primary source</source>
        <translation>fuente primaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>secondary source</source>
        <translation>fuente secundaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unverified</source>
        <translation>sin verificar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="+17"/>
        <source>Body</source>
        <translation>Carrocería</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customs value (USD)</source>
        <translation>Valor en aduana (USD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination state</source>
        <translation>Estado de destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="+1"/>
        <source>Drive</source>
        <translation>Tracción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty paid (USD)</source>
        <translation>Arancel pagado (USD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <translation>ETA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETD</source>
        <translation>ETD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="+9"/>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engine cc</source>
        <translation>Cilindrada (cc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry number</source>
        <translation>Número de entrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First registered</source>
        <translation>Primer registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freight (USD)</source>
        <translation>Flete (USD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height mm</source>
        <translation>Alto (mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length mm</source>
        <translation>Largo (mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="-12"/>
        <source>Make</source>
        <translation>Marca</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="-6"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="+1"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/browser.py" line="+6"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="+15"/>
        <location filename="../../keidesk/gui/widgets/state_panel.py" line="+87"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Odometer</source>
        <translation>Odómetro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terms</source>
        <translation>Condiciones de pago</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned registration</source>
        <translation>Registro previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port of entry</source>
        <translation>Puerto de entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port of loading</source>
        <translation>Puerto de carga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase price (JPY)</source>
        <translation>Precio de compra (JPY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release date</source>
        <translation>Fecha de liberación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale date</source>
        <translation>Fecha de venta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale price (USD)</source>
        <translation>Precio de venta (USD)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vessel</source>
        <translation>Buque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width mm</source>
        <translation>Ancho (mm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>$1,450.00</source>
        <translation>$1,450.00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$3,200.00</source>
        <translation>$3,200.00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$6,500.00</source>
        <translation>$6,500.00</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>2WD or 4WD</source>
        <translation>2WD o 4WD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>48,200 km or 30,000 mi</source>
        <translation>48,200 km o 30,000 mi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TX</source>
        <translation>TX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 657</source>
        <translation>p. ej. 657</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. DA52T-123456</source>
        <translation>p. ej. DA52T-123456</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. F6A</source>
        <translation>p. ej. F6A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. paid in full by wire on delivery</source>
        <translation>p. ej. pagado en su totalidad por transferencia a la entrega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>truck or van</source>
        <translation>camión o van</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>¥450,000</source>
        <translation>¥450,000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>初度登録年月</source>
        <translation>初度登録年月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built (date of manufacture)</source>
        <translation>Fabricado (fecha de fabricación)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer e-mail</source>
        <translation>Correo electrónico del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer phone</source>
        <translation>Teléfono del cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>created</source>
        <translation>creados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>con error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merged</source>
        <translation>combinados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not imported</source>
        <translation>no importados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set aside</source>
        <translation>apartados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>omitidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unchanged</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blocked</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to do</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/browser.py" line="-3"/>
        <location filename="../../keidesk/gui/widgets/state_panel.py" line="-8"/>
        <source>As of</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="-17"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/browser.py" line="+2"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="+16"/>
        <location filename="../../keidesk/gui/widgets/state_panel.py" line="+2"/>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../keidesk/gui/rules/browser.py" line="-8"/>
        <source>Interstate</source>
        <translation>Interestatal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max mph</source>
        <translation>Máx. mph</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration path</source>
        <translation>Vía de registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Quitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/rules/browser.py" line="+5"/>
        <location filename="../../keidesk/gui/rules/chassis.py" line="-1"/>
        <location filename="../../keidesk/gui/widgets/state_panel.py" line="-3"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>e.g. 2027-03-01: the state rule in force on this day applies (else today&apos;s)</source>
        <translation>p. ej. 2027-03-01: se aplica la regla estatal vigente ese día (si no, la de hoy)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate (¥/$)</source>
        <translation>Tipo de cambio (¥/$)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US dollars</source>
        <translation>Dólares (USD)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anywhere in the window</source>
        <translation>En cualquier parte de la ventana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block the step</source>
        <translation>Bloquear el paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the case (asks when unsaved)</source>
        <translation>Cerrar el caso (pregunta si no está guardado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the dialog or pop-up (never a case)</source>
        <translation>Cerrar el diálogo o la ventana emergente (nunca un caso)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs and margin tab</source>
        <translation>Pestaña Costos y margen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer, state and notes tab</source>
        <translation>Pestaña Cliente, estado y notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document packet of the case</source>
        <translation>Paquete de documentos del caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents tab</source>
        <translation>Pestaña Documentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find cases (the search box of the case list)</source>
        <translation>Buscar casos (el cuadro de búsqueda de la lista de casos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History tab</source>
        <translation>Pestaña Historial</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In a date field</source>
        <translation>En un campo de fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In an open case</source>
        <translation>En un caso abierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In dialogs and pop-ups</source>
        <translation>En diálogos y ventanas emergentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the case list</source>
        <translation>En la lista de casos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the step done and go to the next open one</source>
        <translation>Marcar el paso como hecho e ir al siguiente abierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the step not applicable</source>
        <translation>Marcar el paso como no aplicable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On a case&apos;s Workflow tab</source>
        <translation>En la pestaña Flujo de trabajo de un caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Case menu</source>
        <translation>Abrir el menú Caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Edit menu</source>
        <translation>Abrir el menú Edición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the File menu</source>
        <translation>Abrir el menú Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Help menu</source>
        <translation>Abrir el menú Ayuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the View menu</source>
        <translation>Abrir el menú Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the calendar of a date field</source>
        <translation>Abrir el calendario de un campo de fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected case</source>
        <translation>Abrir el caso seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the search box into the list</source>
        <translation>Del cuadro de búsqueda a la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit keidesk</source>
        <translation>Salir de keidesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh: show the database as it is now</source>
        <translation>Actualizar: mostrar la base de datos tal como está ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen the step (back to to do)</source>
        <translation>Reabrir el paso (vuelve a pendiente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the case</source>
        <translation>Guardar el caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the step&apos;s note and due date</source>
        <translation>Guardar la nota y la fecha límite del paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping and customs tab</source>
        <translation>Pestaña Envío y aduana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show blocked cases only (on or off)</source>
        <translation>Mostrar solo los casos bloqueados (activar o desactivar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the agenda (what needs doing today)</source>
        <translation>Mostrar la agenda (lo que hay que hacer hoy)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the case list</source>
        <translation>Mostrar la lista de casos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the state rules</source>
        <translation>Mostrar las reglas estatales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the selected step</source>
        <translation>Iniciar el paso seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dialog&apos;s main button</source>
        <translation>El botón principal del diálogo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This list of keyboard shortcuts</source>
        <translation>Esta lista de atajos de teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last edit of the case in front</source>
        <translation>Deshacer la última edición del caso al frente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle tab</source>
        <translation>Pestaña Vehículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workflow tab (the steps)</source>
        <translation>Pestaña Flujo de trabajo (los pasos)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV spreadsheet</source>
        <translation>Hoja de cálculo CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook</source>
        <translation>Libro de Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIF image</source>
        <translation>Imagen GIF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HEIC photo</source>
        <translation>Foto HEIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JPEG image</source>
        <translation>Imagen JPEG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TIFF image</source>
        <translation>Imagen TIFF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text file</source>
        <translation>Archivo de texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebP image</source>
        <translation>Imagen WebP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document</source>
        <translation>Documento de Word</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ZIP archive</source>
        <translation>Archivo ZIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arriving</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup due</source>
        <translation>Copia de seguridad pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligible soon</source>
        <translation>Pronto elegible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For 3 days</source>
        <translation>Por 3 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a week</source>
        <translation>Por una semana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue step</source>
        <translation>Paso vencido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-verify state rule</source>
        <translation>Volver a verificar la regla estatal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release pending</source>
        <translation>Liberación pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step due</source>
        <translation>Paso por vencer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until tomorrow</source>
        <translation>Hasta mañana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auction &amp; export fees</source>
        <translation>Cargos de subasta &amp; exportación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auction price</source>
        <translation>Precio de subasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customs broker</source>
        <translation>Agente aduanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty</source>
        <translation>Arancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HMF</source>
        <translation>HMF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inland transport (Japan)</source>
        <translation>Transporte terrestre (Japón)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MPF</source>
        <translation>MPF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ocean freight</source>
        <translation>Flete marítimo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port &amp; storage</source>
        <translation>Puerto &amp; almacenaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repairs</source>
        <translation>Reparaciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case list</source>
        <translation>Lista de casos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty and fees by month</source>
        <translation>Aranceles y cargos por mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Margin by truck and by month</source>
        <translation>Margen por camión y por mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock aging</source>
        <translation>Antigüedad del inventario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trucks by state and stage</source>
        <translation>Camiones por estado y etapa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age counted from</source>
        <translation>Antigüedad contada desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case identifier</source>
        <translation>Identificador del caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chassis number kind</source>
        <translation>Tipo de número de chasis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Color</source>
        <translation>Color</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/data/import_dialog.py" line="-493"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+1"/>
        <source>Created</source>
        <extracomment>A row&apos;s outcome once imported, said of the row (the report&apos;s counts use the plural words).</extracomment>
        <translation>Creado</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+1"/>
        <source>Customer&apos;s state</source>
        <translation>Estado del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customs value</source>
        <translation>Valor en aduana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty paid</source>
        <translation>Arancel pagado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EPA eligible</source>
        <translation>Elegible para la EPA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freight</source>
        <translation>Flete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model code</source>
        <translation>Código de modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase price</source>
        <translation>Precio de compra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale price</source>
        <translation>Precio de venta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State rule change acknowledged</source>
        <translation>Cambio de regla estatal confirmado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done without papers because</source>
        <translation>hecho sin documentos porque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>fecha límite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file name</source>
        <translation>nombre de archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file type</source>
        <translation>tipo de archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filed under</source>
        <translation>archivado en</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held by</source>
        <translation>retenido por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not applicable</source>
        <translation>no aplica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>position</source>
        <translation>posición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed by</source>
        <translation>quitado por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/view.py" line="-150"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="-186"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+1"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheets (*.csv *.xlsx *.txt *.tsv)</source>
        <translation>Hojas de cálculo (*.csv *.xlsx *.txt *.tsv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keidesk backup (*.keidesk-backup)</source>
        <translation>Copia de seguridad de keidesk (*.keidesk-backup)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keidesk backups (*.keidesk-backup backup.json *.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Copias de seguridad de keidesk (*.keidesk-backup backup.json *.sqlite3 *.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keidesk case bundles (*.zip);;All files (*)</source>
        <translation>Lotes de casos de keidesk (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keidesk databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Bases de datos de keidesk (*.sqlite3 *.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep both</source>
        <translation>Conservar ambos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take theirs</source>
        <translation>Tomar los de la otra persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before-restore</source>
        <translation>antes de restaurar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close</source>
        <translation>al cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daily</source>
        <translation>diaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EPA 21-year exemption (code E)</source>
        <translation>Exención EPA de 21 años (código E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NHTSA 25-year exemption (FMVSS)</source>
        <translation>Exención NHTSA de 25 años (FMVSS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section 232 tariff exception</source>
        <translation>Excepción arancelaria de la Sección 232</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first registration</source>
        <translation>primer registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manufacture</source>
        <translation>fabricación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dumper</source>
        <translation>volteo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>truck</source>
        <translation>camión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>van</source>
        <translation>van</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/reports/data.py" line="+572"/>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1976 kei standard</source>
        <translation>estándar kei de 1976</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1990 kei standard</source>
        <translation>estándar kei de 1990</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1998 kei standard (新規格)</source>
        <translation>estándar kei de 1998 (新規格)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>Alto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>Largo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>engine</source>
        <translation>motor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>height</source>
        <translation>alto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>length</source>
        <translation>largo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>width</source>
        <translation>ancho</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/errors.py" line="+38"/>
        <source>Something unexpected went wrong ({kind}). Details were written to {log}.</source>
        <translation>Algo inesperado salió mal ({kind}). Los detalles se escribieron en {log}.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/problem_dialog.py" line="+44"/>
        <source>keidesk cannot open the database</source>
        <extracomment>The answer to a start-up problem that ends the app (the dialog&apos;s Quit button). A way out offered to the user: its key (the answer) and its button label.</extracomment>
        <translation>keidesk no puede abrir la base de datos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database could not be opened.</source>
        <translation>No se pudo abrir la base de datos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file has not been changed. What would you like to do?</source>
        <translation>El archivo no se modificó. ¿Qué desea hacer?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/tasks.py" line="-92"/>
        <source>Working…</source>
        <extracomment>Which worker thread runs a task: &quot;work&quot; (writes, long jobs), &quot;read&quot; (reads a person waits on) or &quot;count&quot; (long reads nobody waits on, such as an exact count). Jobs given during a :meth:`hold`, started on its release (None: start at once). Shows a KeideskError no on_error took; the main window sets this to its dialogs. Handles a bug in a task; the app sets this to the crash handler.</extracomment>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/packets/packet_dialog.py" line="-9"/>
        <source>Document packet</source>
        <extracomment>Printing renders pages at the printer&apos;s resolution, but no finer than this (memory). The size the dialog would like; it is made smaller to fit the screen&apos;s free area. Room left around the dialog for its frame and title bar on the screen. Keys for the dialog&apos;s buttons (Build has two: Ctrl+B, and Ctrl+Return as in a form).</extracomment>
        <translation>Paquete de documentos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Build preview</source>
        <translation>&amp;Generar vista previa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/reports/dialog.py" line="+61"/>
        <source>&amp;Save as…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Build the packet and show it here</source>
        <translation>Generar el paquete y mostrarlo aquí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the packet and record it on the case</source>
        <translation>Imprimir el paquete y registrarlo en el caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the packet as a PDF and record it</source>
        <translation>Guardar el paquete como PDF y registrarlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a packet and build a preview.</source>
        <translation>Elija un paquete y genere una vista previa.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Packet:</source>
        <translation>Paquete:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Build a preview of the new choice.</source>
        <translation>Genere una vista previa de la nueva elección.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+126"/>
        <source>Packet</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Building the packet…</source>
        <translation>Generando el paquete…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{count} page, ready to print or save.</source>
        <translation>{count} página, lista para imprimir o guardar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} pages, ready to print or save.</source>
        <translation>{count} páginas, listas para imprimir o guardar.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>DRAFT: {count} gaps. Every page is marked DRAFT until they are recorded or attached and the packet is built again:</source>
        <translation>BORRADOR: {count} faltantes. Cada página lleva la marca DRAFT hasta que se registren o adjunten y se vuelva a generar el paquete:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check before this packet leaves ({count}):</source>
        <translation>Revisar antes de que salga este paquete ({count}):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save packet</source>
        <translation>Guardar paquete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved to {path}.</source>
        <translation>Guardado en {path}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The printer could not be started.</source>
        <translation>No se pudo iniciar la impresora.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent to the printer (not recorded: the database is read-only).</source>
        <translation>Enviado a la impresora (no registrado: la base de datos es de solo lectura).</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Sent to the printer and recorded.</source>
        <translation>Enviado a la impresora y registrado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/packets/stage_packets.py" line="-11"/>
        <source>Packets for a stage</source>
        <translation>Paquetes por etapa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the folder the packets are written to</source>
        <translation>la carpeta donde se escriben los paquetes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cases in &amp;stage</source>
        <translation>Casos en la &amp;etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Packet</source>
        <translation>&amp;Paquete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;aper</source>
        <translation>P&amp;apel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder</source>
        <translation>&amp;Carpeta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Build packets</source>
        <translation>Generar paquetes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>1 case is in this stage.</source>
        <translation>Hay 1 caso en esta etapa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} cases are in this stage.</source>
        <translation>Hay {count} casos en esta etapa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the folder for the packets</source>
        <translation>Elija la carpeta para los paquetes</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the folder the packets are written to.</source>
        <translation>Elija la carpeta donde se escriben los paquetes.</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+28"/>
        <source>No case is in this stage: there is nothing to build.</source>
        <translation>No hay casos en esta etapa: no hay nada que generar.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{built} of {total} {kind} packets written to {folder}.</source>
        <translation>Se escribieron {built} de {total} paquetes ({kind}) en {folder}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not built: {number}: {reason}</source>
        <translation>No generado: {number}: {reason}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Building packets…</source>
        <translation>Generando paquetes…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/rules/browser.py" line="-65"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../keidesk/gui/widgets/state_panel.py" line="-34"/>
        <source>never researched</source>
        <translation>nunca investigado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit this rule</source>
        <translation>Editar esta regla</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Under review by the state</source>
        <translation>En revisión por el estado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not stated)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>allowed</source>
        <translation>permitido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not allowed</source>
        <translation>no permitido</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plain words for customers and clerks: path and limits, no sources or marks</source>
        <translation>En palabras sencillas para clientes y empleados: vía y límites, sin fuentes ni marcas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one document per line</source>
        <translation>un documento por línea</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Save rule</source>
        <translation>&amp;Guardar regla</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Path</source>
        <translation>Vía</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max speed</source>
        <translation>Velocidad máxima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plain summary</source>
        <translation>Resumen sencillo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Road limits (research)</source>
        <translation>Límites de circulación (investigación)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Citation</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As-of note</source>
        <translation>Nota de vigencia</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>As of: {reason}</source>
        <translation>Verificado: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the date the rule was checked (As of).</source>
        <translation>Escriba la fecha en que se verificó la regla (Verificado).</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>in force today (or a date)</source>
        <translation>vigente hoy (o una fecha)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{reason} Showing today&apos;s rules.</source>
        <translation>{reason} Se muestran las reglas de hoy.</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Filter states, paths, confidence…</source>
        <translation>Filtrar estados, vías, confianza…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rules on</source>
        <translation>Reglas al</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../keidesk/gui/shell/main_window.py" line="+112"/>
        <source>State rules</source>
        <extracomment>Stands in the &quot;State rules&quot; tab until the rules browser is first shown.</extracomment>
        <translation>Reglas estatales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chassis codes</source>
        <translation>Códigos de chasis</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Rules in force on {date}.</source>
        <translation>Reglas vigentes el {date}.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Saving the rule…</source>
        <translation>Guardando la regla…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved; marked verified on {date}.</source>
        <translation>Guardado; marcado como verificado el {date}.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/rules/chassis.py" line="-48"/>
        <source>Add or correct a code</source>
        <translation>Agregar o corregir un código</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. DA52T</source>
        <translation>p. ej. DA52T</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not known)</source>
        <translation>(no se sabe)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still in production</source>
        <translation>Aún en producción</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;New code</source>
        <translation>&amp;Nuevo código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;code</source>
        <translation>Guardar &amp;código</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From (year, month)</source>
        <translation>Desde (año, mes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (year, month)</source>
        <translation>Hasta (año, mes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Displacement</source>
        <translation>Cilindrada</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Filter codes, makes, models, sources…</source>
        <translation>Filtrar códigos, marcas, modelos, fuentes…</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Saving the chassis code…</source>
        <translation>Guardando el código de chasis…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved {code} (recorded in the history).</source>
        <translation>Se guardó {code} (registrado en el historial).</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/setup/preferences_dialog.py" line="+33"/>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>empty: your login name ({login})</source>
        <translation>vacío: su nombre de usuario ({login})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Same as the system</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new language applies the next time keidesk starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie keidesk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your &amp;name (recorded with every change)</source>
        <translation>Su &amp;nombre (se registra con cada cambio)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packet &amp;paper</source>
        <translation>&amp;Papel de los paquetes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This session was started with --user {name}; that name is recorded.</source>
        <translation>Esta sesión se inició con --user {name}; se registra ese nombre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{var} is set on this computer, so {name} is recorded instead.</source>
        <translation>{var} está definida en esta computadora, así que se registra {name}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The preferences could not be saved: {reason}</source>
        <translation>No se pudieron guardar las preferencias: {reason}</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/setup/profile_form.py" line="+42"/>
        <source>e.g. Lone Star Kei Imports LLC</source>
        <translation>p. ej. Lone Star Kei Imports LLC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Street
City, State ZIP</source>
        <translation>Calle
Ciudad, Estado, Código postal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>state dealer license number</source>
        <translation>número de licencia estatal de concesionario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no logo)</source>
        <translation>(sin logotipo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose &amp;logo…</source>
        <translation>Elegir &amp;logotipo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Business &amp;name</source>
        <translation>&amp;Nombre de la empresa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>Telé&amp;fono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dealer &amp;license</source>
        <translation>Lic&amp;encia de concesionario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose a logo</source>
        <translation>Elija un logotipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Saving the importer profile…</source>
        <translation>Guardando el perfil del importador…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Importer profile</source>
        <translation>Perfil del importador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These details are printed on every document packet.</source>
        <translation>Estos datos se imprimen en cada paquete de documentos.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/setup/welcome.py" line="+52"/>
        <source>building sample cases</source>
        <translation>creando casos de ejemplo</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+12"/>
        <source>Welcome to keidesk</source>
        <extracomment>Asks for the office server and opens its database (the app&apos;s connect dialog).</extracomment>
        <translation>Bienvenido a keidesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keidesk keeps your import cases in one database file on this computer. Nothing is sent anywhere; it works offline.</source>
        <translation>keidesk guarda sus casos de importación en un solo archivo de base de datos en esta computadora. No se envía nada a ninguna parte; funciona sin conexión.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. Maria Lopez (else the login name {login} is recorded)</source>
        <translation>p. ej. María López (si no, se registra el nombre de usuario {login})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name, recorded with every change you make:</source>
        <translation>Su &amp;nombre, que se registra con cada cambio que haga:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create my database</source>
        <translation>Crear mi base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the default data folder: {path}</source>
        <translation>En la carpeta de datos predeterminada: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create it in another folder…</source>
        <translation>Crearla en otra carpeta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example a synced folder or a removable drive.</source>
        <translation>Por ejemplo, una carpeta sincronizada o una unidad extraíble.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open an existing database…</source>
        <translation>Abrir una base de datos existente…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A keidesk database file you already have.</source>
        <translation>Un archivo de base de datos de keidesk que ya tiene.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Explore the demo</source>
        <translation>Explorar la demostración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} realistic sample cases in a separate file ({name}); your own database stays empty.</source>
        <translation>{count} casos de ejemplo realistas en un archivo aparte ({name}); su propia base de datos queda vacía.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect to the office server…</source>
        <translation>Conectarse al servidor de la oficina…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the office keeps its cases, shared by everyone working on them.</source>
        <translation>Donde la oficina guarda sus casos, compartidos por todos los que trabajan en ellos.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../keidesk/gui/shell/main_window.py" line="+295"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Your name could not be saved: {reason}</source>
        <translation>No se pudo guardar su nombre: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder for the keidesk database</source>
        <translation>Carpeta para la base de datos de keidesk</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Preparing the demo…</source>
        <translation>Preparando la demostración…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your business</source>
        <translation>Su empresa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keidesk prints these details on bills of sale and document packets. You can change them later in File → Importer profile.</source>
        <translation>keidesk imprime estos datos en las facturas de venta y los paquetes de documentos. Puede cambiarlos después en Archivo → Perfil del importador.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Skip for now</source>
        <translation>&amp;Omitir por ahora</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save and &amp;start</source>
        <translation>Guardar y &amp;empezar</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/controller.py" line="+119"/>
        <source>{path} is already open in keidesk on this computer. Two copies writing the same file would only get in each other&apos;s way.</source>
        <extracomment>How long closing waits for the backup made at close (a 100,000-case database takes a few s; none is made, and closing waits for nothing, when the data have not changed since a backup).</extracomment>
        <translation>{path} ya está abierto en keidesk en esta computadora. Dos copias escribiendo en el mismo archivo solo se estorbarían.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bring the open keidesk to the front</source>
        <translation>Traer al frente el keidesk abierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open read-only here</source>
        <translation>Abrir aquí en solo lectura</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The open keidesk did not answer; switch to its window yourself.</source>
        <translation>El keidesk abierto no respondió; cambie usted a su ventana.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already open</source>
        <translation>Ya está abierto</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Checking the age gates…</source>
        <translation>Revisando los límites de antigüedad…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/desk.py" line="+75"/>
        <source>&amp;Open case</source>
        <translation>&amp;Abrir caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../keidesk/gui/shell/main_window.py" line="+30"/>
        <source>Document &amp;packet…</source>
        <translation>&amp;Paquete de documentos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy chassis number</source>
        <translation>&amp;Copiar número de chasis</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Showing: {title}</source>
        <translation>Mostrando: {title}</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="+20"/>
        <location filename="../../keidesk/gui/shell/desk.py" line="+129"/>
        <source>Export the case list</source>
        <translation>Exportar la lista de casos</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/desk.py" line="+27"/>
        <source>Exported {count} cases (as the list is filtered now) to {path}.</source>
        <translation>Se exportaron {count} casos (según el filtro actual de la lista) a {path}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting cases…</source>
        <translation>Exportando casos…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import a case bundle</source>
        <translation>Importar un lote de casos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select the cases to export in the case list first.</source>
        <translation>Primero seleccione en la lista los casos que va a exportar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export a case bundle</source>
        <translation>Exportar un lote de casos</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Wrote {cases} case(s) and {files} file(s) to {path}.</source>
        <translation>Se escribieron {cases} caso(s) y {files} archivo(s) en {path}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting the bundle…</source>
        <translation>Exportando el lote…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The database is sound, and all {count} attached files are present and unchanged.</source>
        <translation>La base de datos está en buen estado, y los {count} archivos adjuntos están presentes y sin cambios.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>Check database</source>
        <translation>Revisar base de datos</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>…and {count} more.</source>
        <translation>…y {count} más.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The check found {count} problem(s):

{problems}

Restore a backup (File → Backup → Restore from backup…) or attach the missing files again.</source>
        <translation>La revisión encontró {count} problema(s):

{problems}

Restaure una copia de seguridad (Archivo → Copia de seguridad → Restaurar desde una copia…) o vuelva a adjuntar los archivos que faltan.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+2"/>
        <source>Packets for stage</source>
        <translation>Paquetes por etapa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/main_window.py" line="-372"/>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cases</source>
        <extracomment>The user chose another database (a file&apos;s Path, or an office server&apos;s URL without its password); the app reopens the window on it. File → Connect to office server… (the app asks which server, then switches to it).</extracomment>
        <translation>Casos</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;New case…</source>
        <translation>&amp;Nuevo caso…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save case</source>
        <translation>&amp;Guardar caso</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Abrir base de datos…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect to office ser&amp;ver…</source>
        <translation>Conectarse al servi&amp;dor de la oficina…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importer &amp;profile…</source>
        <translation>&amp;Perfil del importador…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pr&amp;eferences…</source>
        <translation>P&amp;referencias…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Import cases…</source>
        <translation>&amp;Importar casos…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;xport case list…</source>
        <translation>E&amp;xportar lista de casos…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reports…</source>
        <translation>In&amp;formes…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import case &amp;bundle…</source>
        <translation>Importar &amp;lote de casos…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export case bu&amp;ndle…</source>
        <translation>Exportar l&amp;ote de casos…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bac&amp;kup</source>
        <translation>&amp;Copia de seguridad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back up &amp;now</source>
        <translation>Hacer copia &amp;ahora</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back up to &amp;folder…</source>
        <translation>Copiar a una &amp;carpeta…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back up to one fi&amp;le…</source>
        <translation>Copiar a un solo a&amp;rchivo…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restore from backup…</source>
        <translation>Res&amp;taurar desde una copia…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo last restore</source>
        <translation>&amp;Deshacer la última restauración</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Backups…</source>
        <translation>Co&amp;pias de seguridad…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check database…</source>
        <translation>Re&amp;visar base de datos…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Find cases</source>
        <translation>&amp;Buscar casos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open selected case</source>
        <translation>&amp;Abrir el caso seleccionado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close case</source>
        <translation>&amp;Cerrar caso</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Packets for &amp;stage…</source>
        <translation>Paquetes por &amp;etapa…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Cases</source>
        <translation>&amp;Casos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State &amp;rules</source>
        <translation>&amp;Reglas estatales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agenda</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;efresh</source>
        <translation>Actu&amp;alizar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About keidesk</source>
        <translation>&amp;Acerca de keidesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;data folder</source>
        <translation>Abrir la carpeta de &amp;datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;log</source>
        <translation>Abrir el &amp;registro</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>demo</source>
        <translation>demostración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: {label}</source>
        <translation>Base de datos: {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>READ-ONLY: changes cannot be saved</source>
        <translation>SOLO LECTURA: no se pueden guardar cambios</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened read-only: you can look at everything, but not change it.</source>
        <translation>Abierta en solo lectura: puede ver todo, pero no cambiarlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(still opening)</source>
        <translation>(todavía abriendo)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h3&gt;keidesk {version}&lt;/h3&gt;&lt;p&gt;Import-case manager for Japanese kei trucks. Works offline; your data stays on this computer.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data folder:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Database:&lt;/b&gt; {db}{ro}&lt;br&gt;&lt;b&gt;Log:&lt;/b&gt; {log}&lt;/p&gt;&lt;p&gt;License: MIT. keidesk supports decisions; it does not give legal advice. Confirm a state&apos;s rule with its motor vehicle agency.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;keidesk {version}&lt;/h3&gt;&lt;p&gt;Administrador de casos de importación de camiones kei japoneses. Funciona sin conexión; sus datos se quedan en esta computadora.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Carpeta de datos:&lt;/b&gt; {data}&lt;br&gt;&lt;b&gt;Base de datos:&lt;/b&gt; {db}{ro}&lt;br&gt;&lt;b&gt;Registro:&lt;/b&gt; {log}&lt;/p&gt;&lt;p&gt;Licencia: MIT. keidesk apoya decisiones; no da asesoría legal. Confirme la regla de un estado con su agencia de vehículos motorizados.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (read-only)</source>
        <translation> (solo lectura)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About keidesk</source>
        <translation>Acerca de keidesk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No problems have been logged yet ({path}).</source>
        <translation>Todavía no se ha registrado ningún problema ({path}).</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/recovery.py" line="-3"/>
        <source>The backup was checked and restored into {target}; keidesk opens it now. The file that could not be opened was not changed.</source>
        <translation>La copia de seguridad se revisó y se restauró en {target}; keidesk la abre ahora. El archivo que no se pudo abrir no se modificó.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose another file…</source>
        <extracomment>The ways out, in button order (Quit is always last and always there).</extracomment>
        <translation>Elegir otro archivo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open read-only</source>
        <translation>Abrir en solo lectura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore a backup…</source>
        <translation>Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/widgets/paper.py" line="+14"/>
        <source>US Letter</source>
        <translation>Carta EE. UU. (Letter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/widgets/state_panel.py" line="+5"/>
        <source>Verified locally on {date} by {who}</source>
        <translation>Verificado localmente el {date} por {who}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the beginning</source>
        <translation>el inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In force from {start}</source>
        <translation>Vigente desde {start}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> to {end}</source>
        <translation> hasta {end}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>under review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For customers and clerks</source>
        <translation>Para clientes y empleados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Research notes (staff only)</source>
        <translation>Notas de investigación (solo para el personal)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Road limits</source>
        <translation>Límites de circulación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(none on file)</source>
        <translation>(ninguno registrado)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enter the destination state to see its registration path.</source>
        <translation>Escriba el estado de destino para ver su vía de registro.</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/chassis.py" line="+123"/>
        <source>{n} {noun}</source>
        <translation>{n} {noun}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A VIN has 17 characters; {vin} has {count}.</source>
        <translation>Un VIN tiene 17 caracteres; {vin} tiene {count}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>VIN {vin} has the letter {char} at position {position}; VINs never use I, O or Q (did you mean {hint}?).</source>
        <translation>El VIN {vin} tiene la letra {char} en la posición {position}; los VIN nunca usan I, O ni Q (¿quiso decir {hint}?).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>VIN {vin} has {char!r} at position {position}; a VIN uses only A–Z and 0–9.</source>
        <translation>El VIN {vin} tiene {char!r} en la posición {position}; un VIN usa solo A–Z y 0–9.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>VIN check digit is {digit}, expected {expected}: check for a typo.</source>
        <translation>El dígito verificador del VIN es {digit} y se esperaba {expected}: revise si hay un error de tipeo.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{text} has no model code before the dash; expected a shape like {example}.</source>
        <translation>{text} no tiene código de modelo antes del guion; se espera una forma como {example}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{text} has no serial number after the dash; expected a shape like {example}.</source>
        <translation>{text} no tiene número de serie después del guion; se espera una forma como {example}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must start with a letter</source>
        <translation>debe empezar con una letra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has {count}, but model codes have 2 to 7</source>
        <translation>tiene {count}, pero los códigos de modelo tienen de 2 a 7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>character</source>
        <translation>carácter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>characters</source>
        <translation>caracteres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>may contain only letters and digits</source>
        <translation>solo puede tener letras y dígitos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model code &apos;{code}&apos; in {text} {problem} (e.g. DA52T, HA4, S510P).</source>
        <translation>El código de modelo &apos;{code}&apos; en {text} {problem} (p. ej., DA52T, HA4, S510P).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be digits only</source>
        <translation>debe tener solo dígitos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has {count}, but serials have 4 to 8</source>
        <translation>tiene {count}, pero los números de serie tienen de 4 a 8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>digit</source>
        <translation>dígito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>digits</source>
        <translation>dígitos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serial &apos;{serial}&apos; in {text} {problem} (e.g. {example}).</source>
        <translation>El número de serie &apos;{serial}&apos; en {text} {problem} (p. ej., {example}).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>dash added after model code</source>
        <translation>se agregó el guion después del código de modelo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{text} has no dash and could be read as {options}; type the dash where the papers show it.</source>
        <translation>{text} no tiene guion y podría leerse como {options}; escriba el guion donde lo muestran los documentos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{text} is not a frame number or a VIN: a frame number has a dash between the model code and the serial ({example}); a VIN has exactly 17 letters and digits.</source>
        <translation>{text} no es un número de chasis ni un VIN: un número de chasis tiene un guion entre el código de modelo y el número de serie ({example}); un VIN tiene exactamente 17 letras y dígitos.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+16"/>
        <source>Enter a chassis number, such as {example} or a 17-character VIN.</source>
        <translation>Ingrese un número de chasis, como {example}, o un VIN de 17 caracteres.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>{text} contains {char!r}; a chassis number has only letters, digits and one dash (e.g. {example}).</source>
        <translation>{text} contiene {char!r}; un número de chasis tiene solo letras, dígitos y un guion (p. ej., {example}).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>emissions prefix &apos;{prefix}-&apos; removed: it belongs to the 型式 (model type), not the frame number</source>
        <translation>se quitó el prefijo de emisiones &apos;{prefix}-&apos;: pertenece al 型式 (tipo de modelo), no al número de chasis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{text} has {count} dashes; a frame number has exactly one, between the model code and the serial (e.g. {example}).</source>
        <translation>{text} tiene {count} guiones; un número de chasis tiene exactamente uno, entre el código de modelo y el número de serie (p. ej., {example}).</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/dates.py" line="+30"/>
        <source>1999, 1999-03, 1999-03-15, 1999/3, 03/15/1999 (US), 1999年3月, 平成11年3月 or H11.3</source>
        <translation>1999, 1999-03, 1999-03-15, 1999/3, 03/15/1999 (EE. UU.), 1999年3月, 平成11年3月 o H11.3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2026-12-20, 12/20/2026 (US), 2026/12/20, 令和8年12月20日 or R8.12.20</source>
        <extracomment>The forms of a date to the day (a due date, an ETA), for messages and placeholders.</extracomment>
        <translation>2026-12-20, 12/20/2026 (EE. UU.), 2026/12/20, 令和8年12月20日 o R8.12.20</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Year 0 is not a year in {where}.</source>
        <translation>El año 0 no es un año válido en {where}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year {year} is out of range in {where}: enter a year from {min} to {max}.</source>
        <translation>El año {year} está fuera de rango en {where}: ingrese un año de {min} a {max}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A day needs a month in {where}.</source>
        <translation>Un día necesita un mes en {where}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Month {month} is not a month in {where}.</source>
        <translation>El mes {month} no es un mes válido en {where}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day {day} is not a day in {where}: {month} has {days} days.</source>
        <translation>El día {day} no es un día válido en {where}: {month} tiene {days} días.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{month_name} {year}</source>
        <translation>{month_name} de {year}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{text} is not a stored date (expected 1999, 1999-03 or 1999-03-15).</source>
        <translation>{text} no es una fecha guardada (se espera 1999, 1999-03 o 1999-03-15).</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>{era} began on {start}</source>
        <translation>{era} comenzó el {start}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{era} ran from {start} to {end} (years 元–{last})</source>
        <translation>{era} fue del {start} al {end} (años 元–{last})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{text} is not a date: era years start at 1 (元年). {span}.</source>
        <translation>{text} no es una fecha: los años de una era empiezan en 1 (元年). {span}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{text} is not a {era} date: {span}.</source>
        <translation>{text} no es una fecha de la era {era}: {span}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Enter a date, such as {forms}.</source>
        <translation>Ingrese una fecha, como {forms}.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{text} is not a date keidesk can read. Use {forms}.</source>
        <translation>{text} no es una fecha que keidesk pueda leer. Use {forms}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{text} is in the future (today is {today}); a date of manufacture cannot be later than today.</source>
        <translation>{text} está en el futuro (hoy es {today}); una fecha de fabricación no puede ser posterior a hoy.</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/duty.py" line="+139"/>
        <source>MPF estimate based on {schedule} rates; FY{year} rates are not on file.</source>
        <translation>MPF estimado con las tarifas de {schedule}; las tarifas del año fiscal {year} no están registradas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No Section 232 duty: entry before {date}, when Proclamation 10908 took effect.</source>
        <translation>Sin arancel de la Sección 232: entrada antes del {date}, cuando entró en vigor la Proclamación 10908.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Section 232 duty of 25% (HTSUS 9903.94.01) assumed: without the build year the 9903.94.04 exception cannot be checked.</source>
        <translation>Se supone el arancel de la Sección 232 del 25% (HTSUS 9903.94.01): sin el año de fabricación no se puede verificar la excepción 9903.94.04.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Build date unknown: Section 232 duty assumed; enter the build date to check the exception.</source>
        <translation>Fecha de fabricación desconocida: se supone el arancel de la Sección 232; ingrese la fecha de fabricación para verificar la excepción.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No Section 232 duty: built {built}, entry in {entry} is at least 25 calendar years later (HTSUS 9903.94.04).</source>
        <translation>Sin arancel de la Sección 232: fabricado en {built}, la entrada en {entry} es al menos 25 años calendario después (HTSUS 9903.94.04).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Section 232 duty of 25% (HTSUS 9903.94.01): built {built}, entry in {entry} is under 25 calendar years; exempt for entries from {exempt_from} (9903.94.04).</source>
        <translation>Arancel de la Sección 232 del 25% (HTSUS 9903.94.01): fabricado en {built}, la entrada en {entry} es a menos de 25 años calendario; exento para entradas a partir del {exempt_from} (9903.94.04).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The customs value cannot be negative ({below} below zero).</source>
        <translation>El valor en aduana no puede ser negativo ({below} bajo cero).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Value under $2,500: the entry may be informal, with a flat fee instead of this formal-entry MPF.</source>
        <translation>Valor menor a $2,500: la entrada puede ser informal, con una tarifa fija en lugar de este MPF de entrada formal.</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/eligibility.py" line="+124"/>
        <source>the 25th anniversary; 29 February falls on 1 March in a common year</source>
        <translation>el 25.º aniversario; el 29 de febrero pasa al 1 de marzo en un año no bisiesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the 25th anniversary</source>
        <translation>el 25.º aniversario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first day of the month after the 25th anniversary month</source>
        <translation>primer día del mes siguiente al mes del 25.º aniversario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month unknown, so 1 January of the year after the 25th anniversary year</source>
        <translation>mes desconocido, por eso el 1 de enero del año siguiente al año del 25.º aniversario</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the build date or the first registration date (初度登録年月 / 初度検査年月 on the Japanese papers); the age rules need one of them.</source>
        <translation>Ingrese la fecha de fabricación o la de primer registro (初度登録年月 / 初度検査年月 en los documentos japoneses); las reglas de antigüedad necesitan una de las dos.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>First registration {first} is before the build date {built}; a truck is first registered on or after it is built. Check both dates.</source>
        <translation>El primer registro {first} es anterior a la fecha de fabricación {built}; un camión se registra por primera vez el día en que se fabrica o después. Revise ambas fechas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Built {date}</source>
        <translation>Fabricado en {date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First registered {date} (build date unknown)</source>
        <translation>Primer registro en {date} (fecha de fabricación desconocida)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{lead}: 25 years old from {date} ({reason}).</source>
        <translation>{lead}: cumple 25 años a partir del {date} ({reason}).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{lead}: 21 calendar years old for imports from {date} (import year minus {year} is at least 21).</source>
        <translation>{lead}: 21 años calendario para importaciones a partir del {date} (el año de importación menos {year} es al menos 21).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{lead}: no Section 232 duty for entries from {date} (entry year minus {year} is at least 25).</source>
        <translation>{lead}: sin arancel de la Sección 232 para entradas a partir del {date} (el año de entrada menos {year} es al menos 25).</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/kei_class.py" line="+19"/>
        <source>Japan&apos;s Road Transport Vehicle Act (道路運送車両法) enforcement regulations (kei vehicle limits of 1976, 1990 and 1998)</source>
        <extracomment>The regulation the limits rest on, as printed for customers and clerks.</extracomment>
        <translation>Reglamento de la Ley de Vehículos de Transporte por Carretera de Japón (道路運送車両法) (límites de los vehículos kei de 1976, 1990 y 1998)</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>{label} must be a positive number of {unit}, not {value}.</source>
        <extracomment>For staff: where keidesk&apos;s figures come from and how sure they are.</extracomment>
        <translation>{label} debe ser un número positivo de {unit}, no {value}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Build date unknown: cannot tell which kei limits applied.</source>
        <translation>Fecha de fabricación desconocida: no se puede saber qué límites kei se aplicaban.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Built {built}: kei limits before 1976 are not on file.</source>
        <translation>Fabricado en {built}: los límites kei anteriores a 1976 no están registrados.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{item} {value} {unit} &gt; {limit} {unit}</source>
        <translation>{item} {value} {unit} &gt; {limit} {unit}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Over the {era} limits: {details}.</source>
        <translation>Supera los límites del {era}: {details}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No engine size or dimensions entered; the {era} limits are {limits}.</source>
        <translation>No se ingresó la cilindrada ni las medidas; los límites del {era} son {limits}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not known: {unknown}. The values given are within the {era} limits ({limits}).</source>
        <translation>Sin dato: {unknown}. Los valores ingresados están dentro de los límites del {era} ({limits}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Within the {era} limits ({limits}).</source>
        <translation>Dentro de los límites del {era} ({limits}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{summary} Built {built} straddles the change to the {later} on {date}; the older, smaller limits are used.</source>
        <translation>{summary} La fabricación en {built} abarca el cambio al {later} del {date}; se usan los límites anteriores, más pequeños.</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/messages.py" line="+88"/>
        <source>{first} and {second}</source>
        <translation>{first} y {second}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{first}; {second}</source>
        <translation>{first}; {second}</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/money.py" line="+33"/>
        <location line="+26"/>
        <source>Unsupported currency {currency!r}; use JPY or USD.</source>
        <extracomment>Digits after the decimal point, per ISO 4217, for the currencies the trade uses. The largest amount keidesk records, in minor units (¥10 trillion, $100 billion): far above any truck, far below what SQLite&apos;s integers hold. The largest odometer reading keidesk records (a dial has at most seven digits).</extracomment>
        <translation>Moneda no admitida {currency!r}; use JPY o USD.</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+4"/>
        <source>{text!r} is not an amount of {currency}.</source>
        <translation>{text!r} no es un monto en {currency}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>{text!r} is more than keidesk records.</source>
        <translation>{text!r} es más de lo que keidesk registra.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>An amount cannot be negative ({text!r}).</source>
        <translation>Un monto no puede ser negativo ({text!r}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{text!r} has more decimals than {currency} allows.</source>
        <translation>{text!r} tiene más decimales de los que permite {currency}.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>An odometer reading cannot be negative.</source>
        <translation>Una lectura del odómetro no puede ser negativa.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{text!r} is more than an odometer shows (at most {most:,}).</source>
        <translation>{text!r} es más de lo que muestra un odómetro (como máximo {most:,}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{text!r} is not an odometer reading; write it with its unit, like &apos;48200 km&apos;.</source>
        <translation>{text!r} no es una lectura del odómetro; escríbala con su unidad, como &apos;48200 km&apos;.</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/reference.py" line="+76"/>
        <source>{start} to present</source>
        <translation>{start} a la fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Can a 25-year-old Japanese kei truck, imported under the federal 25-year rule, get a title and registration for road use? Under which class (standard, mini-truck, low-speed, off-road, farm or antique)?</source>
        <extracomment>What one version of a rule says (with its provenance): the fields a stored version, a staff edit and a rules pack all carry, listed once. What staff ask an agency when no rule is on file or the rule is under review.</extracomment>
        <translation>¿Puede un camión kei japonés de 25 años, importado bajo la regla federal de 25 años, obtener título y registro para circular? ¿En qué clase (estándar, minicamión, baja velocidad, todoterreno, agrícola o antiguo)?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which roads may it use: is there a speed limit for the roads or a ban on interstates?</source>
        <translation>¿Por qué caminos puede circular: hay un límite de velocidad para las vías o una prohibición en las interestatales?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which papers do you need: CBP Form 7501, NHTSA HS-7, EPA Form 3520-1, the Japanese export certificate with a translation, the bill of sale? Anything else?</source>
        <translation>¿Qué documentos necesitan: CBP Form 7501, NHTSA HS-7, EPA Form 3520-1, el certificado de exportación japonés con una traducción, la factura de venta? ¿Algo más?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Is an inspection, a VIN verification or an emissions test required?</source>
        <translation>¿Se requiere una inspección, una verificación del VIN o una prueba de emisiones?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which statute, regulation or written policy says so, and may we have a copy?</source>
        <translation>¿Qué ley, reglamento o política escrita lo establece, y nos pueden dar una copia?</translation>
    </message>
    <message>
        <location filename="../../keidesk/domain/workflow.py" line="+155"/>
        <source>The {step} step applies to every imported truck; it cannot be n/a.</source>
        <extracomment>What a case&apos;s stage is once every step is done or not applicable. Every stage a case can be in, in workflow order (the order lists sort and show them in). Steps that must be done before a step may be marked done. Steps that must be done or n/a before a step may be marked done. Steps whose very purpose forbids &quot;not applicable&quot;.</extracomment>
        <translation>El paso {step} se aplica a todo camión importado; no puede quedar como n/a.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{step} cannot be done before {names} are done.</source>
        <translation>{step} no puede marcarse como hecho antes de que {names} estén hechos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{step} cannot be done before {names} is done.</source>
        <translation>{step} no puede marcarse como hecho antes de que {names} esté hecho.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{step} cannot be done before {names} is done or n/a.</source>
        <translation>{step} no puede marcarse como hecho antes de que {names} esté hecho o como n/a.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{reason} The age step stays blocked until then.</source>
        <translation>{reason} El paso de antigüedad queda bloqueado hasta entonces.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The age check cannot be done without a build date or first registration date.</source>
        <translation>El control de antigüedad no puede marcarse como hecho sin la fecha de fabricación o la de primer registro.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not FMVSS-eligible until {date} (25-year rule, checked against {reference}).</source>
        <translation>No es elegible según FMVSS hasta el {date} (regla de 25 años, verificada al {reference}).</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/case_fields.py" line="+84"/>
        <source>{label}: {error}</source>
        <translation>{label}: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label}: {text!r} is not a whole number.</source>
        <translation>{label}: {text!r} no es un número entero.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label}: {text!r} is not valid; use truck or van.</source>
        <translation>{label}: {text!r} no es válido; use truck o van.</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>{label}: {problem}</source>
        <extracomment>A body is never unknown: cleared, it is the kei truck&apos;s own (the column&apos;s default).</extracomment>
        <translation>{label}: {problem}</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/cases/workflow.py" line="+124"/>
        <source>{step} cannot be marked done: {papers} is not on file. Attach it, or give a reason.</source>
        <translation>{step} no puede marcarse como hecho: {papers} no está en el expediente. Adjúntelo o indique un motivo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{step} cannot be marked done: {papers} are not on file. Attach them, or give a reason.</source>
        <translation>{step} no puede marcarse como hecho: {papers} no están en el expediente. Adjúntelos o indique un motivo.</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/reference.py" line="+82"/>
        <source>Model code {code} is not in the chassis-code table; make and model must be entered by hand.</source>
        <translation>El código de modelo {code} no está en la tabla de códigos de chasis; la marca y el modelo deben ingresarse a mano.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model code {code} is unverified in the chassis-code table; confirm make and years from the papers.</source>
        <translation>El código de modelo {code} no está verificado en la tabla de códigos de chasis; confirme la marca y los años con los documentos.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Built {built} is before {code} production started ({years}).</source>
        <translation>La fabricación en {built} es anterior al inicio de la producción de {code} ({years}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Built {built} is after {code} production ended ({years}).</source>
        <translation>La fabricación en {built} es posterior al fin de la producción de {code} ({years}).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{code!r} is not a US state code; use the two-letter postal code, like TX or DC.</source>
        <translation>{code!r} no es un código de estado de EE. UU.; use el código postal de dos letras, como TX o DC.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No rule is on file for {state}.</source>
        <translation>No hay ninguna regla registrada para {state}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No registration rule on file for {state}: check with the state&apos;s motor vehicle agency before selling to a buyer there.</source>
        <translation>No hay una regla de registro para {state}: consulte con la agencia de vehículos del estado antes de venderle a un comprador de allí.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This rule was last verified {date} ({days} days ago): confirm it with the state before relying on it.</source>
        <translation>Esta regla se verificó por última vez el {date} (hace {days} días): confírmela con el estado antes de basarse en ella.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{state} has this rule under review: confirm the current position.</source>
        <translation>{state} tiene esta regla en revisión: confirme la postura actual.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This rule is unverified (conflicting, stale or secondary sources).</source>
        <translation>Esta regla no está verificada (fuentes contradictorias, desactualizadas o secundarias).</translation>
    </message>
    <message>
        <location line="+73"/>
        <source> (under review)</source>
        <translation> (en revisión)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {path}{review}.</source>
        <translation>{name}: {path}{review}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{head} {text}</source>
        <translation>{head} {text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{head} No rule for registering a kei truck in {state} is on file.</source>
        <translation>{head} No hay registrada ninguna regla para registrar un camión kei en {state}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This rule applies from {day}.</source>
        <translation>Esta regla se aplica desde el {day}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>roads posted {mph} mph or less</source>
        <translation>vías con límite de {mph} mph o menos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no interstate highways</source>
        <translation>sin autopistas interestatales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interstate highways allowed</source>
        <translation>autopistas interestatales permitidas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Road limits: {limits}.</source>
        <translation>Límites de circulación: {limits}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What to bring: {papers}.</source>
        <translation>Qué llevar: {papers}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No statute or agency document is on file for this rule.</source>
        <translation>No hay ninguna ley ni documento de la agencia registrado para esta regla.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This rests on: {citation}.</source>
        <translation>Se basa en: {citation}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last verified: {day}.</source>
        <translation>Última verificación: {day}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>({number}) {question}</source>
        <translation>({number}) {question}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions to ask the agency: {questions}</source>
        <translation>Preguntas para la agencia: {questions}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirm with the {agency}{contact} before relying on this. This is information to help you, not legal advice.</source>
        <translation>Confírmelo con {agency}{contact} antes de basarse en esto. Es información para ayudarle, no asesoría legal.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>edit state rules</source>
        <extracomment>Fields of a state rule that staff may edit, with the check each value must pass. Fields printed for customers: no research wording may go in them.</extracomment>
        <translation>editar las reglas de los estados</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The {state} rule changed since the packet was printed: reprint the packet or acknowledge the change.</source>
        <translation>La regla de {state} cambió desde que se imprimió el paquete: vuelva a imprimir el paquete o confirme el cambio.</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/cases/create.py" line="+178"/>
        <location filename="../../keidesk/services/cases/edit.py" line="+51"/>
        <source>Chassis number {chassis} is already case {case}.</source>
        <extracomment>Reference rows held while the batch runs: the session&apos;s identity map is weak, and without this each case would load its chassis code and state rule again.</extracomment>
        <translation>El número de chasis {chassis} ya es el caso {case}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chassis number {chassis} is given twice.</source>
        <translation>El número de chasis {chassis} aparece dos veces.</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/cases/edit.py" line="+11"/>
        <source>The build date {date} is in the future.</source>
        <translation>La fecha de fabricación {date} está en el futuro.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first registration date {date} is in the future.</source>
        <translation>La fecha de primer registro {date} está en el futuro.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>First registration {first} is before the build date {built}; a truck is registered on or after it is built.</source>
        <translation>El primer registro {first} es anterior a la fecha de fabricación {built}; un camión se registra el día en que se fabrica o después.</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Enter the customer&apos;s name first.</source>
        <translation>Primero ingrese el nombre del cliente.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../keidesk/dataio/importer.py" line="+359"/>
        <source>The ETA {eta} is before the ETD {etd}.</source>
        <translation>La ETA {eta} es anterior a la ETD {etd}.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/calendar_file.py" line="+71"/>
        <source>The calendar file could not be written: {reason}</source>
        <extracomment>Writes within this time of each other make one file.</extracomment>
        <translation>No se pudo escribir el archivo de calendario: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing the calendar file…</source>
        <translation>Escribiendo el archivo de calendario…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/feature.py" line="+101"/>
        <location filename="../../keidesk/gui/agenda/panel.py" line="-42"/>
        <source>Reading the agenda…</source>
        <extracomment>At most this many items of each kind in the tab (the rest are counted); the agenda of a big database stays quick to read and to show. How often the app looks whether the day has turned (a new day: read again, remind again).</extracomment>
        <translation>Leyendo la agenda…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Snoozing…</source>
        <translation>Posponiendo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Marking handled…</source>
        <translation>Marcando como atendido…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export a calendar</source>
        <translation>Exportar un calendario</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wrote {count} events to {path}. Import it into Outlook, Thunderbird or Google Calendar; exporting again updates the same events.</source>
        <translation>Se escribieron {count} eventos en {path}. Impórtelo en Outlook, Thunderbird o Google Calendar; al exportar de nuevo se actualizan los mismos eventos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting the calendar…</source>
        <translation>Exportando el calendario…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep a calendar file up to date</source>
        <translation>Mantener al día un archivo de calendario</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/agenda/reminders.py" line="+53"/>
        <source>keidesk: what needs doing</source>
        <extracomment>How long the notification stays up (the desktop may choose otherwise). What the last reminder said (shown or not), for the log and the tests.</extracomment>
        <translation>keidesk: lo que hay que hacer</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/case_list/charts.py" line="+154"/>
        <source>Charting…</source>
        <extracomment>Changes arriving within this time are charted once.</extracomment>
        <translation>Graficando…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/kit/date_field.py" line="+105"/>
        <location filename="../../keidesk/gui/kit/domain_words.py" line="-18"/>
        <source>e.g. 2026-12-20 or 12/20/2026</source>
        <extracomment>The reason the text is no date, or &quot;&quot; when it reads (or is empty); as typed. A date was picked from the calendar (after ``textEdited``).</extracomment>
        <translation>p. ej. 2026-12-20 o 12/20/2026</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. 1999-03 or H11.3</source>
        <translation>p. ej. 1999-03 o H11.3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick a date</source>
        <translation>Elegir una fecha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a date from the calendar ({keys})</source>
        <translation>Elegir una fecha del calendario ({keys})</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dates can be written {forms}.</source>
        <translation>Las fechas se pueden escribir {forms}.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/reports/dialog.py" line="-46"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>from the first, or e.g. 12/01/2026</source>
        <translation>desde el primero, o p. ej. 12/01/2026</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to the last, or e.g. 12/31/2026</source>
        <translation>hasta el último, o p. ej. 12/31/2026</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PDF (to print)</source>
        <translation>&amp;PDF (para imprimir)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Excel (XLSX)</source>
        <translation>&amp;Excel (XLSX)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Report</source>
        <translation>&amp;Informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The case list as shown: {what}, sorted by {order}.</source>
        <translation>La lista de casos tal como se ve: {what}, ordenada por {order}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duty, MPF, HMF, broker and port costs by the month they were paid.</source>
        <translation>Aranceles, MPF, HMF, costos del agente aduanal y del puerto, por el mes en que se pagaron.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sale price, landed cost and margin of the trucks sold in the period.</source>
        <translation>Precio de venta, costo de importación y margen de los camiones vendidos en el periodo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As of today; the period does not apply.</source>
        <translation>A la fecha de hoy; el periodo no se aplica.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The {what} day: {problem}</source>
        <translation>El día {what}: {problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>first</source>
        <translation>inicial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>last</source>
        <translation>final</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The report was saved to {path}.</source>
        <translation>El informe se guardó en {path}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing the {kind} report…</source>
        <translation>Escribiendo el informe {kind}…</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/connect_dialog.py" line="+56"/>
        <source>Connect to office server</source>
        <translation>Conectarse al servidor de la oficina</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>keidesk on the office server: every seat sees the same cases. Ask whoever set up the server for these details.</source>
        <translation>keidesk en el servidor de la oficina: todos los puestos ven los mismos casos. Pida estos datos a quien instaló el servidor.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server&apos;s name or address on the office network</source>
        <translation>El nombre o la dirección del servidor en la red de la oficina</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. office-server or 192.168.1.10</source>
        <translation>p. ej. servidor-oficina o 192.168.1.10</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>kept by the system&apos;s keyring (or password file), never in the settings</source>
        <translation>se guarda en el llavero del sistema, nunca en la configuración</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>P&amp;uerto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Test connection</source>
        <translation>P&amp;robar la conexión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Connect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the server</source>
        <translation>el servidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database</source>
        <translation>la base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user</source>
        <translation>el usuario</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fill in {what}.</source>
        <translation>Indique {what}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connecting to {host}…</source>
        <translation>Conectando con {host}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected: {label} is a keidesk database.</source>
        <translation>Conectado: {label} es una base de datos de keidesk.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The password could not be kept ({problem}).</source>
        <translation>No se pudo guardar la contraseña ({problem}).</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/connection_lost.py" line="+66"/>
        <location line="+94"/>
        <source>Retry</source>
        <extracomment>How long the server may be away before the retry offer is shown (the listener keeps trying meanwhile; a laptop waking up usually finds its network within this time).</extracomment>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+93"/>
        <source>Open a local database…</source>
        <translation>Abrir una base de datos local…</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Connect to office server…</source>
        <translation>Conectarse al servidor de la oficina…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keidesk cannot open the office database.</source>
        <translation>keidesk no puede abrir la base de datos de la oficina.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The office server does not answer; keidesk keeps trying…</source>
        <translation>El servidor de la oficina no responde; keidesk lo sigue intentando…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected to the office server again.</source>
        <translation>Conectado de nuevo al servidor de la oficina.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The connection to the office server was lost.</source>
        <translation>Se perdió la conexión con el servidor de la oficina.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What you typed in the open cases stays there, not saved yet: save it once the server answers again.</source>
        <translation>Lo que escribió en los casos abiertos sigue ahí, aún sin guardar: guárdelo cuando el servidor vuelva a responder.</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/keyboard_help.py" line="+34"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every action has a key. Alt and the underlined letter presses a button or opens a tab; Esc closes a dialog or pop-up, never a case.</source>
        <translation>Cada acción tiene una tecla. Alt y la letra subrayada presionan un botón o abren una pestaña; Esc cierra un diálogo o una ventana emergente, nunca un caso.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location filename="../../keidesk/gui/shell/server_check.py" line="+64"/>
        <source>keidesk cannot reach the office server at {host}, port {port}. Check that this computer is connected to the office network (or its VPN) and that the server is switched on.</source>
        <extracomment>How long a server may take to answer before it counts as unreachable. PostgreSQL&apos;s codes for a refused sign-in and for a database that does not exist.</extracomment>
        <translation>keidesk no puede llegar al servidor de la oficina en {host}, puerto {port}. Compruebe que esta computadora está conectado a la red de la oficina (o a su VPN) y que el servidor está encendido.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The office server at {host} did not let {user} sign in: no password is kept for it on this computer, or the one kept is no longer right. Type it in Connect to office server…</source>
        <translation>El servidor de la oficina en {host} no dejó entrar a {user}: en esta computadora no hay ninguna contraseña guardada para él, o la guardada ya no es válida. Escríbala en Conectarse al servidor de la oficina…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The office server at {host} did not let {user} sign in: the password is wrong, there is no such user, or this computer may not connect to it. Type them again (Connect to office server…), or ask whoever looks after the server.</source>
        <translation>El servidor de la oficina en {host} no dejó entrar a {user}: la contraseña es incorrecta, ese usuario no existe o esta computadora no puede conectarse a él. Escríbalos de nuevo (Conectarse al servidor de la oficina…) o pregunte a quien se ocupa del servidor.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The office server at {host} has no database named {database} that {user} may use. Check the name, or ask whoever looks after the server.</source>
        <translation>El servidor de la oficina en {host} no tiene ninguna base de datos llamada {database} que {user} pueda usar. Compruebe el nombre o pregunte a quien se ocupa del servidor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{user} may not use the keidesk database {database} on {host}. Ask whoever looks after the server to add you (keidesk server add-user).</source>
        <translation>{user} no puede usar la base de datos de keidesk {database} en {host}. Pida a quien se ocupa del servidor que lo agregue (keidesk server add-user).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{where} is not a keidesk database (it is empty or holds other tables). Whoever set up the server prepares it with: keidesk server init.</source>
        <translation>{where} no es una base de datos de keidesk (está vacía o contiene otras tablas). Quien instaló el servidor la prepara con: keidesk server init.</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/history_text.py" line="+153"/>
        <source>{label} unit</source>
        <extracomment>The tables of a case&apos;s history, as staff call them.</extracomment>
        <translation>{label}: unidad</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Document “{title}”</source>
        <extracomment>Stored columns that are not fields of the registry: worked out, or kept by the app.</extracomment>
        <translation>Documento “{title}”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{title}” ({kind})</source>
        <translation>“{title}” ({kind})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Document added</source>
        <translation>Documento agregado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entity} created</source>
        <translation>{entity} creado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document deleted for good</source>
        <translation>Documento eliminado definitivamente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{entity} deleted</source>
        <translation>{entity} eliminado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>moved to the trash</source>
        <translation>enviado a la papelera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>restored from the trash</source>
        <translation>restaurado de la papelera</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{subject} {label}</source>
        <translation>{subject}, {label}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{what}: {old} → {new}</source>
        <translation>{what}: {old} → {new}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what}: {detail}</source>
        <translation>{what}: {detail}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>customer {number}</source>
        <translation>cliente {number}</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/agenda.py" line="+300"/>
        <source>1 day</source>
        <extracomment>The days ahead the agenda shows unless told otherwise (today and the next six). The longest agenda asked for (a year): further ahead is the calendar&apos;s job. Trucks becoming FMVSS-eligible are shown this many days ahead, whatever ``days`` is. A state&apos;s rule is re-verified this often after it was last verified. What a case with no case stands in for in :class:`AgendaMark` (a state&apos;s rule, a backup). The topic an item&apos;s id starts with: a step&apos;s due item keeps its id when it becomes overdue. The kinds that say something is late: the desktop reminder counts these. The state of a ``rule_reverify`` item (it opens the state&apos;s rule, not a case). Per kind, how many items were left out by ``limit`` (none: every item is there). Whether the database holds any case: an empty agenda of a new database says what to do first, not that all is done. A query of one kind of item: a row per item, its columns by kind.</extracomment>
        <translation>1 día</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days</source>
        <translation>{n} días</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{step}: due {due}, overdue {days}</source>
        <translation>{step}: vencía el {due}, {days} de retraso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{step}: due today</source>
        <translation>{step}: vence hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{step}: due {due}</source>
        <translation>{step}: vence el {due}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on {vessel} at {port}</source>
        <translation>en el {vessel}, a {port}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on {vessel}</source>
        <translation>en el {vessel}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at {port}</source>
        <translation>a {port}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arrives {when} (ETA)</source>
        <translation>Llega {when} (ETA)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrives {when} (ETA) {where}</source>
        <translation>Llega {when} (ETA) {where}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arrived {date} ({days} ago); customs release still pending</source>
        <translation>Llegó el {date} (hace {days}); la liberación aduanal sigue pendiente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Becomes FMVSS-eligible (25 years) on {date}, in {days}</source>
        <translation>Será elegible para FMVSS (25 años) el {date}, en {days}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{text} · {chassis}</source>
        <translation>{text} · {chassis}</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Re-verify {name}&apos;s registration rule for the open cases going there (last verified {date})</source>
        <translation>Volver a verificar la regla de registro de {name} para los casos abiertos con ese destino (última verificación: {date})</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>1 step overdue</source>
        <translation>1 paso vencido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} steps overdue</source>
        <translation>{n} pasos vencidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 step due today</source>
        <translation>1 paso vence hoy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} steps due today</source>
        <translation>{n} pasos vencen hoy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 customs release pending</source>
        <translation>1 liberación aduanal pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} customs releases pending</source>
        <translation>{n} liberaciones aduanales pendientes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 state rule to re-verify</source>
        <translation>1 regla estatal por volver a verificar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} state rules to re-verify</source>
        <translation>{n} reglas estatales por volver a verificar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a backup is due</source>
        <translation>toca hacer una copia de seguridad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{list}.</source>
        <translation>{list}.</translation>
    </message>
    <message>
        <location filename="../../keidesk/reports/data.py" line="-314"/>
        <source>Arrivals (ETA) in the next {weeks} weeks, by week</source>
        <extracomment>Rows read per query when a list is streamed. Days-in-stage brackets: (first day, last day or None, title). The cases longest in their stage listed by name in the aging report. Weeks of arrivals (ETA) charted from today.</extracomment>
        <translation>Llegadas (ETA) en las próximas {weeks} semanas, por semana</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cases per stage</source>
        <translation>Casos por etapa</translation>
    </message>
    <message>
        <location line="+305"/>
        <source>Jan</source>
        <extracomment>Months of margin the dashboard charts. The months as the charts label them (Messages: the app shows them in its language).</extracomment>
        <translation>ene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apr</source>
        <translation>abr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aug</source>
        <translation>ago</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sep</source>
        <translation>sep</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oct</source>
        <translation>oct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dec</source>
        <translation>dic</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{month} {day}</source>
        <translation>{day} {month}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Margin by month (last {months})</source>
        <translation>Margen por mes (últimos {months})</translation>
    </message>
    <message>
        <location filename="../../keidesk/dataio/importer.py" line="-234"/>
        <source>column {letters}</source>
        <extracomment>Longest text kept in a short field (names, vessel, colour) and in notes. New cases written per flush: large enough to be fast, small enough to keep memory flat. Called with (rows done, rows in all); returning False cancels the import.</extracomment>
        <translation>columna {letters}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{failed} of {total} rows in {file} cannot be imported; nothing was imported. First: row {line}: {problem}</source>
        <translation>{failed} de {total} filas de {file} no se pueden importar; no se importó nada. La primera: fila {line}: {problem}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{failed} of {total} rows in {file} cannot be imported; nothing was imported.</source>
        <translation>{failed} de {total} filas de {file} no se pueden importar; no se importó nada.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{text!r} is not a real date.</source>
        <translation>{text!r} no es una fecha real.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {label} {text!r} needs a day; write it as YYYY-MM-DD.</source>
        <translation>La {label} {text!r} necesita el día; escríbala como AAAA-MM-DD.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is {length:,} characters long; at most {limit:,} fit.</source>
        <translation>Esto tiene {length:,} caracteres; caben como máximo {limit:,}.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{text!r} has no unit; write it like &apos;48200 km&apos;.</source>
        <extracomment>Chassis codes held while checking: the session&apos;s identity map is weak, and without this every row would load its model code&apos;s row again.</extracomment>
        <translation>{text!r} no tiene unidad; escríbalo como &apos;48200 km&apos;.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This row has {width} cells but the first row names {named} columns; the extra cells would be lost.</source>
        <translation>Esta fila tiene {width} celdas, pero la primera fila nombra {named} columnas; las celdas de más se perderían.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This is a spreadsheet formula, not a value; paste the value instead.</source>
        <translation>Esto es una fórmula de la hoja de cálculo, no un valor; pegue el valor en su lugar.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>There is no chassis number.</source>
        <translation>No hay número de chasis.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First registration {first} is before the build date {built}.</source>
        <translation>El primer registro {first} es anterior a la fecha de fabricación {built}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Give the customer&apos;s name on the same row.</source>
        <translation>Indique el nombre del cliente en la misma fila.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not yet 25 years old: eligible to import under the 25-year rule from {eligible_on} ({days:,} days from today).</source>
        <translation>Aún no cumple 25 años: se podrá importar bajo la regla de 25 años a partir del {eligible_on} (dentro de {days:,} días).</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+83"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Se canceló la importación; no se importó nada.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{column}: {problem}</source>
        <translation>{column}: {problem}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Save the rows with problems as a .csv or .xlsx file, not {name}.</source>
        <extracomment>The column a problem file adds; a sheet that has it already (a problem file imported again) gets it rewritten rather than a second one.</extracomment>
        <translation>Guarde las filas con problemas como archivo .csv o .xlsx, no como {name}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The rows with problems cannot be saved over {name}, the file being imported; choose another file.</source>
        <translation>Las filas con problemas no se pueden guardar sobre {name}, el archivo que se está importando; elija otro archivo.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>row {line}</source>
        <translation>la fila {line}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Already on file as {where}; skipped.</source>
        <translation>Ya registrado como {where}; se omitió.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Same as {where}.</source>
        <translation>Igual que {where}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merged into {where}: {fields}.</source>
        <translation>Combinado con {where}: {fields}.</translation>
    </message>
    <message>
        <location filename="../../keidesk/dataio/mapping.py" line="+73"/>
        <source>The column mapping does not match the sheet&apos;s columns.</source>
        <extracomment>Import fields, in the order the mapping step lists them, with the label staff see. The case field each import field sets. Header words that point at a field, checked in this order (the first match wins).</extracomment>
        <translation>La asignación de columnas no coincide con las columnas de la hoja de cálculo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Columns {first!r} and {second!r} are both mapped to {field}; map one of them to nothing.</source>
        <translation>Las columnas {first!r} y {second!r} están asignadas ambas a {field}; no asigne ningún campo a una de ellas.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the column that holds the {field}.</source>
        <translation>Elija la columna que contiene el campo {field}.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{override!r} is not COLUMN=FIELD.</source>
        <translation>{override!r} no tiene la forma COLUMNA=CAMPO.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sheet has no column {column!r}; its columns are {columns}.</source>
        <translation>La hoja de cálculo no tiene la columna {column!r}; sus columnas son {columns}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{field!r} is not an import field; use one of {fields}.</source>
        <translation>{field!r} no es un campo de importación; use uno de estos: {fields}.</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/documents.py" line="+550"/>
        <source>empty the trash</source>
        <extracomment>A keyword argument not given (None is a value: &quot;the case as a whole&quot;). The largest file kept with a case. Scans and photos of a truck&apos;s papers are a few MB; a file far larger is a video or a mistake, and would swell every backup. The folder (in the user&apos;s data folder) where a seat keeps the files it read from a server.</extracomment>
        <translation>vaciar la papelera</translation>
    </message>
    <message>
        <location filename="../../keidesk/services/rules_pack.py" line="+380"/>
        <source>bring in a rules pack (it changes state rules)</source>
        <extracomment>The fields of one version, in the order a pack writes them. Fields compared when importing (dates of local verification are provenance, not content).</extracomment>
        <translation>incorporar un paquete de reglas (cambia las reglas de los estados)</translation>
    </message>
    <message>
        <location filename="../../keidesk/dataio/archive.py" line="+22"/>
        <source>{member!r} expands {times} times over (a compression bomb)</source>
        <extracomment>A member that expands more than this many times over is a compression bomb, not a scan or a sheet. Members smaller than this are never bombs, whatever their ratio (an empty sheet&apos;s XML).</extracomment>
        <translation>{member!r} se expande {times} veces (una bomba de compresión)</translation>
    </message>
    <message>
        <location filename="../../keidesk/dataio/bundle.py" line="+237"/>
        <source>A bundle is a .zip file; {name} is not.</source>
        <extracomment>Columns compared and carried, by JSON key: the case field and its stored column. How the age gate&apos;s note began; bundles written before steps said who holds a block are read by it, as migration 0003 read the databases of those releases.</extracomment>
        <translation>Un lote es un archivo .zip; {name} no lo es.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../keidesk/dataio/importer.py" line="-86"/>
        <source>The folder {folder} does not exist.</source>
        <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no case {case_id}.</source>
        <translation>No existe el caso {case_id}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An attachment of these cases is missing from the attachment folder ({sha}…); run &apos;keidesk check&apos;.</source>
        <translation>Falta un adjunto de estos casos en la carpeta de adjuntos ({sha}…); ejecute &apos;keidesk check&apos;.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{name} was not imported: {why}. Nothing was changed.</source>
        <translation>No se importó {name}: {why}. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>it contains a link ({member!r})</source>
        <translation>contiene un enlace ({member!r})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it contains a path outside the bundle ({member!r})</source>
        <translation>contiene una ruta fuera del lote ({member!r})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it contains an unexpected file ({member!r})</source>
        <translation>contiene un archivo inesperado ({member!r})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{member!r} is too large ({size:,} bytes)</source>
        <translation>{member!r} es demasiado grande ({size:,} bytes)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{member!r} is larger than it claims</source>
        <translation>{member!r} es más grande de lo que declara</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no file at {path}.</source>
        <translation>No hay ningún archivo en {path}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is not a zip file</source>
        <translation>no es un archivo zip</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it has {count:,} members (at most {most:,})</source>
        <translation>tiene {count:,} elementos (como máximo {most:,})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it lists the same file twice</source>
        <translation>lista el mismo archivo dos veces</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it would unpack to {total:,} bytes</source>
        <translation>se descomprimiría en {total:,} bytes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is not a keidesk case bundle (no manifest)</source>
        <translation>no es un lote de casos de keidesk (no tiene manifiesto)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its case document is too large</source>
        <translation>su documento de casos es demasiado grande</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its manifest is unreadable</source>
        <translation>su manifiesto no se puede leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its files do not match its manifest (it was changed)</source>
        <translation>sus archivos no coinciden con su manifiesto (fue modificado)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{member!r} does not match its manifest (it was changed)</source>
        <translation>{member!r} no coincide con su manifiesto (fue modificado)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{member!r} is not the file its name says</source>
        <translation>{member!r} no es el archivo que indica su nombre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is damaged ({reason})</source>
        <translation>está dañado ({reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its case document is not valid JSON</source>
        <translation>su documento de casos no es JSON válido</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its case document is not one keidesk can read ({reason})</source>
        <translation>keidesk no puede leer su documento de casos ({reason})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file of {title!r} is missing</source>
        <translation>falta el archivo de {title!r}</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>{count} case(s) in {name} differ from the ones here; choose for each difference: keep mine, take theirs, or keep both (--prefer). Nothing was imported.</source>
        <translation>{count} caso(s) de {name} difieren de los de aquí; elija para cada diferencia: conservar los míos, tomar los de la otra persona o conservar ambos (--prefer). No se importó nada.</translation>
    </message>
    <message>
        <location filename="../../keidesk/storage/database.py" line="+76"/>
        <source>{chosen!r} is not a database path or URL.</source>
        <translation>{chosen!r} no es una ruta ni una URL de base de datos.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The database is open read-only ({label}); changes cannot be saved.</source>
        <translation>La base de datos está abierta en solo lectura ({label}); no se pueden guardar cambios.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The database file is damaged ({label}). Restore a backup or choose another file.</source>
        <translation>El archivo de la base de datos está dañado ({label}). Restaure una copia de seguridad o elija otro archivo.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>{path} is a folder, not a keidesk database file.</source>
        <extracomment>On a server: how long a statement waits for a row another seat holds, and how long any one statement may run, before it gives up with a plain message (a seat never waits forever).</extracomment>
        <translation>{path} es una carpeta, no un archivo de base de datos de keidesk.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>keidesk may not open {path}: the folder it is in is not accessible to you.</source>
        <translation>keidesk no puede abrir {path}: usted no tiene acceso a la carpeta donde está.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>keidesk may not read {path}; check its permissions.</source>
        <translation>keidesk no puede leer {path}; revise sus permisos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is not a keidesk database (it is not an SQLite database file).</source>
        <translation>{path} no es una base de datos de keidesk (no es un archivo de base de datos SQLite).</translation>
    </message>
    <message>
        <location line="+121"/>
        <location line="+132"/>
        <source>{path} is not a keidesk database (it holds other tables).</source>
        <translation>{path} no es una base de datos de keidesk (contiene otras tablas).</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+144"/>
        <source>{path} was written by a newer version of keidesk (schema {schema}). Install the newer keidesk to open it; this version left the file untouched.</source>
        <translation>{path} fue escrito por una versión más nueva de keidesk (esquema {schema}). Instale la versión más nueva de keidesk para abrirlo; esta versión no tocó el archivo.</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>There is no keidesk database at {path}.</source>
        <translation>No hay ninguna base de datos de keidesk en {path}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database file {path} is read-only; keidesk cannot save changes to it. Check the file&apos;s permissions, or open it read-only.</source>
        <translation>El archivo de la base de datos {path} es de solo lectura; keidesk no puede guardar cambios en él. Revise los permisos del archivo o ábralo en solo lectura.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>{path} is not a keidesk database (another program&apos;s tables).</source>
        <translation>{path} no es una base de datos de keidesk (tiene tablas de otro programa).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The office database {label} is empty: the person who set up the server prepares it with keidesk server init URL.</source>
        <translation>La base de datos de la oficina {label} está vacía: quien instaló el servidor la prepara con keidesk server init URL.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This is not a complete keidesk database ({label}): it has no {tables} table.</source>
        <translation>Esta no es una base de datos de keidesk completa ({label}): no tiene la tabla {tables}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{label} needs to be upgraded or created, which cannot be done read-only.</source>
        <translation>{label} necesita actualizarse o crearse, y eso no se puede hacer en solo lectura.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The office database {label} is from an older keidesk (schema {schema}): the person who set up the server upgrades it with keidesk server init URL, signed in as the database&apos;s owner.</source>
        <translation>La base de datos de la oficina {label} es de una versión anterior de keidesk (esquema {schema}): quien instaló el servidor la actualiza con keidesk server init URL, con la sesión iniciada como propietario de la base de datos.</translation>
    </message>
    <message>
        <location filename="../../keidesk/storage/errors.py" line="+90"/>
        <source>The database is in use by another keidesk or program{place}. Wait a moment and try again, or close the other program.</source>
        <translation>La base de datos está en uso por otro keidesk u otro programa{place}. Espere un momento y vuelva a intentarlo, o cierre el otro programa.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database file is read-only{place}; keidesk cannot save changes to it. Check the file&apos;s permissions or open a copy.</source>
        <translation>El archivo de la base de datos es de solo lectura{place}; keidesk no puede guardar cambios en él. Revise los permisos del archivo o abra una copia.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The disk is full{place}. Free some space; nothing was saved by this action.</source>
        <translation>El disco está lleno{place}. Libere espacio; esta acción no guardó nada.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database file is damaged or is not a database{place}. Restore a backup or choose another file.</source>
        <translation>El archivo de la base de datos está dañado o no es una base de datos{place}. Restaure una copia de seguridad o elija otro archivo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database file cannot be opened{place}. Check that the folder exists and that you may write to it.</source>
        <translation>No se puede abrir el archivo de la base de datos{place}. Revise que la carpeta exista y que usted pueda escribir en ella.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The disk reported an error while reading or writing the database{place}. Check the drive (a removed USB stick?) and try again.</source>
        <translation>El disco informó un error al leer o escribir la base de datos{place}. Revise la unidad (¿se retiró una memoria USB?) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Another seat is saving this case or these data{place}; try again in a moment.</source>
        <extracomment>SQLite&apos;s primary result codes (the low byte of an extended code) that are the environment&apos;s doing, and the error each becomes.</extracomment>
        <translation>Otro puesto está guardando este caso o estos datos{place}; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The office server took too long to answer{place}; nothing was saved by this action. Try again in a moment; if it keeps happening, tell whoever looks after the server.</source>
        <translation>El servidor de la oficina tardó demasiado en responder{place}; esta acción no guardó nada. Vuelva a intentarlo en un momento; si sigue pasando, avise a quien se encarga del servidor.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The office server does not allow your sign-in to do this{place}. Ask a manager, or the person who set up the server.</source>
        <translation>El servidor de la oficina no permite que su usuario haga esto{place}. Pídaselo a un gerente o a quien instaló el servidor.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Another seat changed the same data at the same moment{place}; nothing was saved by this action. Try again.</source>
        <translation>Otro puesto cambió los mismos datos en el mismo momento{place}; esta acción no guardó nada. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no such database on the office server{place}. Check the database name; a new office database is first created on the server (createdb) and then prepared with keidesk server init URL (see the office set-up guide).</source>
        <translation>Esa base de datos no existe en el servidor de la oficina{place}. Revise el nombre de la base de datos; una base de datos nueva de la oficina primero se crea en el servidor (createdb) y luego se prepara con keidesk server init URL (vea la guía de instalación de la oficina).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the server shut down</source>
        <extracomment>SQLSTATE classes and codes (PostgreSQL) that are the environment&apos;s doing.</extracomment>
        <translation>el servidor se apagó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server is starting up</source>
        <translation>el servidor se está iniciando</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The office server cannot be reached{place}: {reason}. Check the network (and that the server is on), then try again; nothing was saved by this action.</source>
        <translation>No se puede conectar con el servidor de la oficina{place}: {reason}. Revise la red (y que el servidor esté encendido) y vuelva a intentarlo; esta acción no guardó nada.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A value holds a NUL character (\x00), which the office server cannot store; remove it and try again. Nothing was saved by this action.</source>
        <translation>Un valor contiene un carácter NUL (\x00), que el servidor de la oficina no puede guardar; quítelo y vuelva a intentarlo. Esta acción no guardó nada.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The office server refused the sign-in{place}: the user name or the password is wrong. Check them (the person who set up the server can set a new one with keidesk server add-user NAME --role ROLE).</source>
        <translation>El servidor de la oficina rechazó el inicio de sesión{place}: el nombre de usuario o la contraseña son incorrectos. Revíselos (quien instaló el servidor puede asignar una nueva con keidesk server add-user NAME --role ROLE).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the connection was lost</source>
        <translation>se perdió la conexión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The office server refused the sign-in{place}. Check the user name and password.</source>
        <translation>El servidor de la oficina rechazó el inicio de sesión{place}. Revise el nombre de usuario y la contraseña.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server is out of resources (too many seats?)</source>
        <translation>el servidor se quedó sin recursos (¿demasiados puestos?)</translation>
    </message>
    <message>
        <location filename="../../keidesk/storage/locks.py" line="+55"/>
        <source>Another seat{who} is saving this case; try again in a moment.</source>
        <extracomment>``session.info`` key: set (to True) in the session of a write transaction. ``session.info`` key: the ids of the cases this transaction has locked.</extracomment>
        <translation>Otro puesto{who} está guardando este caso; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <location filename="../../keidesk/storage/server.py" line="+245"/>
        <source>Only a manager may {action}; you are signed in as {who} (staff). Ask a manager, or the person who set up the server.</source>
        <extracomment>The group role of each role a person may be given. Tables only managers (and the owner) may change: the state rules. Tables nobody changes after writing: the history (its triggers refuse even the owner). Tables the app reads only (the schema&apos;s revision).</extracomment>
        <translation>Solo un gerente puede {action}; usted inició sesión como {who} (personal). Pídaselo a un gerente o a quien instaló el servidor.</translation>
    </message>
</context>
</TS>
